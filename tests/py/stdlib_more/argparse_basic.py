# argparse: parsing positionals/optionals/nargs/actions/types/choices,
# groups, subcommands, help and usage text, and the error exits.
import argparse
import contextlib
import io


def run(parser, args):
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            print(parser.parse_args(args))
    except SystemExit as e:
        print("exit", e.code)
        print(err.getvalue(), end="")


p = argparse.ArgumentParser(prog="tool", description="A test tool that does things with files.",
                            epilog="See the manual for more.")
p.add_argument("src", help="source file")
p.add_argument("dst", nargs="?", default="out.txt", help="destination (default: %(default)s)")
p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
p.add_argument("-n", "--num", type=int, default=1, metavar="N", help="how many")
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("--tag", action="append", help="tags to add")
p.add_argument("--flag", action="store_true")
p.add_argument("--no-cache", dest="cache", action="store_false")
p.add_argument("--ratio", type=float)
p.add_argument("--pair", nargs=2, metavar=("A", "B"))
p.add_argument("--items", nargs="*", default=[])
p.add_argument("--const", action="store_const", const=42)
p.add_argument("--color", action=argparse.BooleanOptionalAction, default=True, help="use colors")
run(p, ["in.txt"])
run(p, ["in.txt", "x.txt", "-vv", "--num", "5", "--mode=slow", "--tag", "a", "--tag", "b",
        "--flag", "--no-cache", "--ratio", "0.5", "--pair", "1", "2", "--items", "i", "j",
        "--const", "--no-color"])
run(p, ["-n3", "in.txt", "--verb"])
run(p, ["--", "-weird-name"])
run(p, [])
run(p, ["a", "b", "c"])
run(p, ["a", "--num", "x"])
run(p, ["a", "--mode", "medium"])
run(p, ["a", "--num"])
run(p, ["a", "--pair", "1"])
run(p, ["a", "--bogus"])
print(p.format_usage(), end="")
print(p.format_help(), end="")

q = argparse.ArgumentParser(prog="calc")
q.add_argument("nums", nargs="+", type=int)
g = q.add_mutually_exclusive_group()
g.add_argument("--sum", action="store_true")
g.add_argument("--max", action="store_true")
q.add_argument("--rest", nargs=argparse.REMAINDER)
run(q, ["1", "2", "3", "--sum"])
run(q, ["1", "--sum", "--max"])
run(q, [])
run(q, ["4", "--rest", "a", "--b"])
print(q.format_help(), end="")

r = argparse.ArgumentParser(prog="git")
r.add_argument("--debug", action="store_true")
sub = r.add_subparsers(dest="command", help="sub-command help")
c = sub.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
s = sub.add_parser("status", help="show status")
s.add_argument("paths", nargs="*")
run(r, ["commit", "-m", "msg"])
run(r, ["--debug", "status", "a", "b"])
run(r, ["commit"])
run(r, ["push"])
print(r.format_help(), end="")
print(c.format_help(), end="")

grp = argparse.ArgumentParser(prog="grouped", add_help=False)
io_group = grp.add_argument_group("input/output", "Options about files.")
io_group.add_argument("--in", dest="infile")
io_group.add_argument("--out", dest="outfile")
req = grp.add_mutually_exclusive_group(required=True)
req.add_argument("-a", action="store_true")
req.add_argument("-b", action="store_true")
run(grp, ["-a", "--in", "x"])
run(grp, [])
print(grp.format_help(), end="")

ns = argparse.Namespace(a=1, b="x")
print(ns, ns == argparse.Namespace(a=1, b="x"), "a" in ns, vars(ns))
known, rest = p.parse_known_args(["f", "--unknown", "1"])
print(known.src, rest)
long = argparse.ArgumentParser(prog="very-long-program-name")
for i in range(8):
    long.add_argument("--option-number-%d" % i, metavar="VALUE%d" % i)
long.add_argument("positional_one")
long.add_argument("positional_two", nargs="+")
print(long.format_usage(), end="")
d = argparse.ArgumentParser(prog="d", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
d.add_argument("--size", type=int, default=10, help="the size")
d.add_argument("--really-long-option-name-here", default="value", help="a long help text " * 6)
print(d.format_help(), end="")
try:
    p.add_argument("--num")
except argparse.ArgumentError as e:
    print("ArgumentError:", e)
try:
    p.add_argument("pos", required=True)
except TypeError as e:
    print("TypeError:", e)
e = argparse.ArgumentParser(prog="e", exit_on_error=False)
e.add_argument("--n", type=int)
try:
    e.parse_args(["--n", "z"])
except argparse.ArgumentError as err:
    print("caught:", err)
