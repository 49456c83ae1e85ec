# reprlib, shlex, getopt, graphlib and glob (on a temporary tree).
import os
import reprlib
import shlex
import getopt
import graphlib
import glob
import tempfile

# reprlib
r = reprlib.Repr()
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr(set(range(20))))
print(reprlib.repr({i: i for i in range(10)}), reprlib.repr((1,)), reprlib.repr(2 ** 200))
print(reprlib.repr([[[[[[[1]]]]]]]), reprlib.repr(frozenset()), reprlib.repr(()))
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3]), r.repr("abcdefghijklmnop"), r.repr(object)[:14])


class Node:
    def __init__(self):
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%r)" % self.children


n = Node()
n.children.append(n)
print(repr(n), Node.__repr__.__name__)

# shlex
for s in ['a b c', 'echo "hello world" \'single q\'', r'a\ b "c\"d" e', "foo='bar baz' x",
          'cmd # comment', '  lead  trail  ', '"" \'\'', 'a"b"c', 'x=1;y=2 | z']:
    print(shlex.split(s))
print(shlex.split("a # b", comments=True), shlex.split('a "b c"', posix=False))
print(shlex.quote(""), shlex.quote("safe-name_1.txt"), shlex.quote("it's here"), shlex.quote("$HOME"))
print(shlex.join(["ls", "-l", "my file", "it's"]))
lex = shlex.shlex("a = b + c; d", posix=False)
print(list(lex))
lex = shlex.shlex("ls -l | grep 'x y' && echo", punctuation_chars=True, posix=True)
print(list(lex))
for bad in ['"unterminated', "'also", "trailing\\"]:
    try:
        shlex.split(bad)
    except ValueError as e:
        print(e)

# getopt
print(getopt.getopt(["-a", "-b", "val", "-cval2", "file1", "-d"], "ab:c:d"))
print(getopt.getopt(["--alpha", "--beta=1", "--gam", "2", "--", "-x"], "", ["alpha", "beta=", "gamma="]))
print(getopt.gnu_getopt(["file", "-a", "--alpha", "other"], "a", ["alpha"]))
for args, short, long in [(["-z"], "a", []), (["-b"], "b:", []), (["--nope"], "", ["yes"]),
                          (["--al"], "", ["alpha", "alps"]), (["--flag=1"], "", ["flag"]),
                          (["--need"], "", ["need="])]:
    try:
        getopt.getopt(args, short, long)
    except getopt.GetoptError as e:
        print(e, "|", e.opt, "|", e.msg)

# graphlib
ts = graphlib.TopologicalSorter({"D": {"B", "C"}, "C": {"A"}, "B": {"A"}})
order = list(ts.static_order())
print(order[0], order[-1], sorted(order[1:3]))
ts = graphlib.TopologicalSorter()
ts.add(3, 2, 1)
ts.add(1, 0)
ts.add(2, 0)
print(list(ts.static_order()))
ts = graphlib.TopologicalSorter({1: [0], 2: [1]})
ts.prepare()
while ts.is_active():
    ready = ts.get_ready()
    print("ready", ready)
    ts.done(*ready)
try:
    list(graphlib.TopologicalSorter({1: [2], 2: [3], 3: [1]}).static_order())
except graphlib.CycleError as e:
    print("cycle:", e.args[0], len(e.args[1]), e.args[1][0] == e.args[1][-1])
ts = graphlib.TopologicalSorter({1: [0]})
for f in [lambda: ts.get_ready(), lambda: ts.done(1)]:
    try:
        f()
    except ValueError as e:
        print(e)
ts.prepare()
for f in [lambda: ts.prepare(), lambda: ts.add(5), lambda: ts.done(1), lambda: ts.done(9)]:
    try:
        f()
    except ValueError as e:
        print(e)

# glob
with tempfile.TemporaryDirectory() as root:
    for rel in ["a.txt", "b.txt", "c.py", ".hidden.txt", "sub/d.txt", "sub/deep/e.txt", "sub/f.py"]:
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("x")

    def show(pattern, **kw):
        found = glob.glob(os.path.join(root, pattern), **kw)
        print(pattern, sorted(os.path.relpath(p, root) for p in found))

    show("*.txt")
    show("*.txt", include_hidden=True)
    show("?.py")
    show("[ab].txt")
    show("sub/*")
    show("*/*.txt")
    show("**/*.txt", recursive=True)
    show("**", recursive=True)
    show("**/*.txt")
    show("nothing*")
    show("a.txt")
    show("missing.txt")
    print(sorted(glob.glob("*.py", root_dir=root)), sorted(glob.iglob("**/*.py", root_dir=root, recursive=True)))
    print(glob.escape("a[b]*?.txt"), glob.has_magic("a*"), glob.has_magic("plain"))
