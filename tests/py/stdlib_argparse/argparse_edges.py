# Edge cases of layout and parsing: single-dash long options, mixed prefix
# characters, %-escapes and choices in help, suppressed usage, long program
# names, custom error(), argument files, and mutually exclusive positionals.
import argparse
import contextlib
import io
import os
import tempfile

os.environ['COLUMNS'] = '70'


def run(p, w):
    e = io.StringIO()
    o = io.StringIO()
    try:
        with contextlib.redirect_stderr(e), contextlib.redirect_stdout(o):
            r = p.parse_args(w)
        print(w, r)
    except SystemExit as x:
        print(w, 'exit', x.code, o.getvalue(), e.getvalue())


p = argparse.ArgumentParser(prog='e', description='', epilog='')
p.add_argument('-foo', help='single dash long ' + 'x' * 80)
p.add_argument('-+bar', help='line one\nline two')
p.add_argument('--m', metavar='<file name>')
p.add_argument('pos', nargs='?', const='c', default='d')
p.add_argument('--int', type=int, default='7')
print(p.format_help())
run(p, ['-foo', 'v', '-fo', 'w'])
run(p, ['-f', 'v'])
run(p, ['-foov'])
run(p, ['--m', 'a b', 'p'])
run(p, ['--int', '-3'])
p2 = argparse.ArgumentParser(prog='pc', prefix_chars='-+')
p2.add_argument('+x', action='store_true'); p2.add_argument('-x', action='store_true', dest='minus')
run(p2, ['+x', '-x'])
print(p2.format_usage())
p3 = argparse.ArgumentParser(prog='c')
p3.add_argument('--level', choices=['low', 'high'], default='low', help='level (%(choices)s), default %(default)s')
p3.add_argument('--n', type=int, choices=range(3))
print(p3.format_help())
run(p3, ['--n', '5'])
run(p3, ['--level', 'mid'])
g = p3.add_argument_group()
g.add_argument('--untitled')
print(p3.format_help())
p = argparse.ArgumentParser(prog='h', description='desc\n\nwith para')
p.add_argument('a_very_long_positional_name_indeed', help='100%% sure')
p.add_argument('--x', nargs='*', help='stars')
p.add_argument('-y', nargs=3, help='three')
p.add_argument('--z', nargs=argparse.REMAINDER)
p.add_argument('--tuple', nargs='*', metavar=('A', 'B'))
sp = p.add_subparsers()
sp.add_parser('one')
sp.add_parser('two', help='second')
print(p.format_help())
run(p, ['pos', 'three'])
run(p, ['pos', 'one', '-y', '1', '2'])
p = argparse.ArgumentParser(prog='u', usage=argparse.SUPPRESS)
p.add_argument('x')
run(p, [])
print(repr(p.format_help()))
p = argparse.ArgumentParser(prog='', add_help=True)
print(p.format_help())
p = argparse.ArgumentParser(prog='m')
m = p.add_mutually_exclusive_group()
m.add_argument('--a', action='store_true'); m.add_argument('pos', nargs='?')
print(p.format_usage())
run(p, ['--a', 'x'])
p = argparse.ArgumentParser(prog='v')
p.add_argument('-V', action='version', version='v 1.0 ' * 20)
run(p, ['-V'])
class P(argparse.ArgumentParser):
    def error(self, message):
        raise RuntimeError(message)
p = P(prog='sub')
p.add_argument('n', type=int)
try: p.parse_args(['x'])
except RuntimeError as e: print('custom', e)
p = argparse.ArgumentParser(prog='d', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p.add_argument('--s', default='str', help='s'); p.add_argument('--n', action='store_true', help='flag'); p.add_argument('p', nargs='*', default=[1], help='pp')
print(p.format_help())
p = argparse.ArgumentParser(prog='fromfile', fromfile_prefix_chars='@')
p.add_argument('--k'); p.add_argument('rest', nargs='*')
os.chdir(tempfile.mkdtemp())
with open('args.txt', 'w') as f:
    f.write('--k\nv\nr1\n')
run(p, ['@args.txt', 'r2'])
run(p, ['--k', 'a', '--k=b', 'r'])
print(p.parse_known_args(['--zz', 'r', '-k']))
p = argparse.ArgumentParser(prog='s')
sp = p.add_subparsers(required=True)
a = sp.add_parser('alpha', description='Alpha does a', help='the a command')
a.set_defaults(func=len)
a.add_argument('x', choices=range(1, 4), type=int)
sp.add_parser('beta')
run(p, [])
run(p, ['alpha', '5'])
run(p, ['alpha', '2'])
run(p, ['alpha', '-h'])
run(p, ['-h'])
p = argparse.ArgumentParser(prog='e')
try:
    with contextlib.redirect_stderr(io.StringIO()) as e:
        p.exit(3, 'bye\n')
except SystemExit as x:
    print(x.code, repr(e.getvalue()))
p = argparse.ArgumentParser(prog='w' * 30, description='d ' * 60)
for i in range(6):
    p.add_argument('--option-number-%d' % i, metavar='VALUE_%d' % i, help='help ' * 15)
p.add_argument('positional_one'); p.add_argument('positional_two', nargs='+')
print(p.format_help())
