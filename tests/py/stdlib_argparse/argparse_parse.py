# Parsing: positionals and optionals with every nargs, the actions, types,
# choices, defaults, abbreviations, "--", negative numbers, and errors.
import argparse
import contextlib
import io


def run(parser, words):
    """Parse `words`; show the Namespace, or what was printed and the exit code."""
    err = io.StringIO()
    out = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            result = parser.parse_args(words)
        print(words, '->', result)
    except SystemExit as e:
        print(words, '-> exit', e.code)
        for text in (out.getvalue(), err.getvalue()):
            if text:
                print(text, end='')


p = argparse.ArgumentParser(prog='prog')
p.add_argument('src')
p.add_argument('dst', nargs='?', default='out')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('-n', '--num', type=int, default=3)
p.add_argument('--name', dest='who', metavar='NAME')
p.add_argument('-q', action='store_true')
p.add_argument('--no-color', action='store_false', dest='color')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast')
p.add_argument('--tag', action='append')
p.add_argument('--const', action='store_const', const=42)
p.add_argument('--add', action='append_const', const='x', dest='adds')
p.add_argument('--ext', action='extend', nargs='+', type=int)
p.add_argument('--ratio', type=float)
for words in (['a'], ['a', 'b'], ['a', '-vvv', '-n', '7'], ['-n7', 'a', '--num=8'],
              ['a', '--name', 'bob', '-q', '--no-color'], ['a', '--mode', 'slow'],
              ['a', '--tag', 'x', '--tag', 'y', '--const', '--add', '--add'],
              ['a', '--ext', '1', '2', '--ext', '3'], ['a', '--rat', '0.5', '--na=al'],
              ['a', '-qv', '-vn5'], ['--', '-a', '-b'],
              [], ['a', 'b', 'c'], ['a', '-n', 'x'], ['a', '--mode', 'medium'],
              ['a', '-n'], ['a', '--ratio', 'half'], ['a', '--bogus'], ['a', '-q=1'],
              ['a', '--ext'], ['a', '--no']):
    run(p, words)

# nargs variants on positionals.
p = argparse.ArgumentParser(prog='nargs')
p.add_argument('first', nargs=2)
p.add_argument('middle', nargs='*')
p.add_argument('last', type=int)
p.add_argument('--opt', nargs='?', const='C', default='D')
p.add_argument('--many', nargs='+')
p.add_argument('--two', nargs=2, metavar=('A', 'B'))
for words in (['a', 'b', '1'], ['a', 'b', 'c', 'd', '2'], ['a', 'b', 'c', '--opt'],
              ['a', 'b', '3', '--opt', 'x'], ['a', '--many', 'm1', 'm2', '--', 'b', '5'],
              ['a', 'b', '1', '--two', 'x'], ['a', 'b', '1', '--two', 'x', 'y'],
              ['a'], ['a', 'b', '--many']):
    run(p, words)

# Negative numbers are values unless an option looks like one.
p = argparse.ArgumentParser(prog='neg')
p.add_argument('x', type=float)
p.add_argument('-a', type=int)
run(p, ['-1.5', '-a', '-2'])
p2 = argparse.ArgumentParser(prog='neg2')
p2.add_argument('-1', dest='one', action='store_true')
p2.add_argument('x', nargs='?')
run(p2, ['-1'])
run(p2, ['-2'])

# REMAINDER, abbreviations off, parse_known_args.
p = argparse.ArgumentParser(prog='rem', allow_abbrev=False)
p.add_argument('--verbose', action='store_true')
p.add_argument('cmd')
p.add_argument('rest', nargs=argparse.REMAINDER)
run(p, ['--verbose', 'ls', '-l', '--all', 'x'])
run(p, ['--verb', 'ls'])
ns, extra = p.parse_known_args(['ls'])
print(ns, extra)
q = argparse.ArgumentParser(prog='known')
q.add_argument('--a')
print(q.parse_known_args(['--a', '1', '--b', '2', 'pos']))

# Ambiguous abbreviations, required options, set_defaults, BooleanOptionalAction.
p = argparse.ArgumentParser(prog='amb')
p.add_argument('--alpha')
p.add_argument('--alps')
p.add_argument('--req', required=True)
p.add_argument('--color', action=argparse.BooleanOptionalAction, default=True)
p.set_defaults(extra='yes', alpha='A')
run(p, ['--al', 'x', '--req', '1'])
run(p, ['--alph', 'x'])
run(p, ['--req', 'r', '--no-color'])
run(p, ['--req', 'r', '--color'])
print(p.get_default('alpha'), p.get_default('extra'), p.get_default('nothing'))

# Namespace behaviour.
ns = argparse.Namespace(b=1, a=2)
ns2 = argparse.Namespace(b=1, a=2)
print(ns, ns == ns2, 'a' in ns, 'z' in ns, argparse.Namespace(**{'odd-name': 1, 'x': 2}))


# type= converters raising ArgumentTypeError, and custom actions.
def even(text):
    n = int(text)
    if n % 2:
        raise argparse.ArgumentTypeError('%d is odd' % n)
    return n


class Upper(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values.upper() + '!' + str(option_string))


p = argparse.ArgumentParser(prog='types')
p.add_argument('--even', type=even)
p.add_argument('--shout', action=Upper)
run(p, ['--even', '4', '--shout', 'hi'])
run(p, ['--even', '3'])
print(repr(p._actions[2])[:60])

# exit_on_error=False raises ArgumentError instead.
p = argparse.ArgumentParser(prog='noexit', exit_on_error=False)
p.add_argument('--n', type=int)
try:
    p.parse_args(['--n', 'x'])
except argparse.ArgumentError as e:
    print('ArgumentError:', e, '|', e.argument_name, '|', e.message)

# Declaration errors.
p = argparse.ArgumentParser(prog='decl')
p.add_argument('--x')
for args, kwargs in ((('--x',), {}), (('y',), {'required': True}),
                     (('--z',), {'action': 'store', 'nargs': 0}),
                     (('--w',), {'action': 'nonsense'}), (('w',), {'dest': 'd'}),
                     (('--c',), {'const': 1}), (('x', 'y'), {})):
    try:
        p.add_argument(*args, **kwargs)
        print('accepted', args)
    except (ValueError, TypeError, argparse.ArgumentError) as e:
        print(type(e).__name__, e)

# parse_intermixed_args: positionals may be split by options.
p = argparse.ArgumentParser(prog='im')
p.add_argument('--foo')
p.add_argument('cmd')
p.add_argument('rest', nargs='*', type=int)
print(p.parse_intermixed_args('doit 1 --foo bar 2 3'.split()))
print(p.parse_known_intermixed_args('doit 1 --foo bar 2 --x 3'.split()))
print(p.parse_args('doit 1 --foo bar'.split()))
run(p, ['doit', '1', '--foo', 'bar', '2'])
p.add_argument('tail', nargs=argparse.REMAINDER)
try:
    p.parse_intermixed_args(['x'])
except TypeError as e:
    print('TypeError', e)
