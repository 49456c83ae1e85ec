# Help and usage text, as CPython 3.11 lays it out: sections, wrapping,
# groups, mutually exclusive groups, formatter classes, version and -h.
import argparse
import contextlib
import io
import os
import sys

os.environ['COLUMNS'] = '80'
sys.argv = ['/some/dir/tool.py']


def show(parser, words=('-h',)):
    out = io.StringIO()
    err = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            parser.parse_args(list(words))
        print('(no exit)')
    except SystemExit as e:
        print('exit', e.code)
    print(out.getvalue() + '~~~~')
    if err.getvalue():
        print(err.getvalue() + '~~~~')


p = argparse.ArgumentParser(description='Copy   things from one place\n to another, '
                            'carefully and with a description long enough to wrap '
                            'onto a second line.', epilog='See the manual for more.')
p.add_argument('src', help='where to read')
p.add_argument('dst', nargs='*', help='where to write (default: %(default)s)')
p.add_argument('-v', '--verbose', action='count', help='say more')
p.add_argument('-n', '--number', type=int, default=5,
               help='how many copies to make; the default is %(default)s and the '
               'type is %(type)s, which is a long sentence that wraps')
p.add_argument('--mode', choices=['a', 'b'], help='one of %(choices)s')
p.add_argument('--a-really-long-option-name', metavar='VALUE', help='help on its own line')
p.add_argument('--nohelp')
p.add_argument('--secret', help=argparse.SUPPRESS)
p.add_argument('--pair', nargs=2, metavar=('K', 'V'), help='a pair')
p.add_argument('--maybe', nargs='?', help='optional value')
p.add_argument('--items', nargs='+')
p.add_argument('--version', action='version', version='%(prog)s 1.2')
show(p)
show(p, ['--version'])
show(p, [])
print(p.format_usage(), end='')
print(repr(p))

# Groups and mutually exclusive groups.
p = argparse.ArgumentParser(prog='grp', description='Groups.')
g = p.add_argument_group('input', 'Where the data comes from.')
g.add_argument('--file', help='a file')
g.add_argument('--url', help='a URL')
x = p.add_mutually_exclusive_group(required=True)
x.add_argument('--json', action='store_true', help='JSON out')
x.add_argument('--csv', action='store_true', help='CSV out')
y = p.add_mutually_exclusive_group()
y.add_argument('-q', action='store_true')
y.add_argument('-l', '--loud', action='store_true')
p.add_argument('files', nargs='+', help='inputs')
show(p)
show(p, ['--json', '--csv', 'f'])
show(p, ['f'])
show(p, ['--json', '-q', '--loud', 'f'])

# A long usage wraps: options first, then positionals, aligned under the name.
p = argparse.ArgumentParser(prog='wrapper')
for name in ('alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'):
    p.add_argument('--' + name, metavar=name.upper() * 2)
p.add_argument('first')
p.add_argument('second', nargs='+')
print(p.format_usage())
p = argparse.ArgumentParser(prog='a-program-name-that-is-quite-long-indeed-yes-very-long-really')
for name in ('alpha', 'beta', 'gamma', 'delta'):
    p.add_argument('--' + name)
p.add_argument('pos')
print(p.format_usage())

# Formatter classes.
text = 'First line.\n    Indented second line.\n\nA paragraph.'
for cls in (argparse.RawDescriptionHelpFormatter, argparse.RawTextHelpFormatter,
            argparse.ArgumentDefaultsHelpFormatter, argparse.MetavarTypeHelpFormatter):
    p = argparse.ArgumentParser(prog='fc', description=text, formatter_class=cls,
                                add_help=False)
    p.add_argument('--count', type=int, default=2, help='how many\n  (two lines)')
    p.add_argument('--ratio', type=float, help='no default shown when None')
    p.add_argument('name', type=str, nargs='?', default='x', help='a name')
    print(cls.__name__)
    print(p.format_help() + '~~~~')

# Explicit usage, prefix_chars, no help, and a narrow width.
p = argparse.ArgumentParser(prog='pc', usage='%(prog)s [options] files', prefix_chars='+/')
p.add_argument('+f', '++flag', action='store_true', help='a flag')
p.add_argument('/x', help='slash option')
show(p, ['+h'])
show(p, ['++unknown'])
narrow = argparse.ArgumentParser(
    prog='narrow', formatter_class=lambda prog: argparse.HelpFormatter(prog, width=40),
    description='A description that has to wrap several times at forty columns.')
narrow.add_argument('--option', help='help text that also needs to wrap at this width')
narrow.add_argument('target', help='the target')
print(narrow.format_help())
bare = argparse.ArgumentParser(prog='bare', add_help=False)
print(repr(bare.format_usage()), repr(bare.format_help()))
bare.print_usage(sys.stdout)
