# getopt and gnu_getopt: short clusters, long prefixes, values, "--",
# argument ordering and every GetoptError message.
import getopt
import os

os.environ.pop('POSIXLY_CORRECT', None)

def run(fn, args, shortopts, longopts=[]):
    try:
        print(fn.__name__, args, repr(shortopts), longopts, '->', fn(args, shortopts, longopts))
    except getopt.GetoptError as e:
        print(fn.__name__, args, '-> GetoptError', repr(e.msg), repr(e.opt), str(e), e.args)

cases = [
    (['-a', '-b', 'x', '--long', 'arg'], 'ab:', ['long']),
    (['-ab', 'x', 'rest'], 'ab:', []),
    (['-abVALUE'], 'ab:', []),
    (['-ba'], 'ab:', []),
    (['-b'], 'ab:', []),
    (['-c'], 'ab:', []),
    (['-:'], 'a:', []),
    (['--lo'], '', ['long', 'lone']),
    (['--lon'], '', ['long', 'longer']),
    (['--lon'], '', ['long', 'long=']),
    (['--long=x'], '', ['long']),
    (['--long'], '', ['long=']),
    (['--long', 'value', 'file'], '', ['long=']),
    (['--lo=3'], '', ['long=']),
    (['--long='], '', ['long=']),
    (['--x'], '', ['long']),
    (['--long'], '', ['long', 'long=']),
    (['--long=v'], '', 'long='),
    (['--', '-a'], 'a', []),
    (['-a', '--', '-a', 'b'], 'a', []),
    (['-'], 'a', []),
    (['a', '-a'], 'a', []),
    (['a', '-a', '--verbose', 'b', '-c', 'val'], 'ac:', ['verbose']),
    (['x', '-a', '--', '-a', 'y'], 'a', []),
    (['-', '-a'], 'a', []),
    ([], 'a', []),
    (['--verb'], 'v', ('verbose', 'version')),
    (['--vers'], 'v', ('verbose', 'version')),
    (['--output=a=b'], '', ['output=']),
    (['-a', '-a', '-a'], 'a', []),
    (['--=x'], '', ['long']),
]
for args, shortopts, longopts in cases:
    run(getopt.getopt, args, shortopts, longopts)
    run(getopt.gnu_getopt, args, shortopts, longopts)
run(getopt.gnu_getopt, ['x', '-a', 'y'], '+a')
os.environ['POSIXLY_CORRECT'] = '1'
run(getopt.gnu_getopt, ['x', '-a', 'y'], 'a')
run(getopt.gnu_getopt, ['-a', 'x', '-a'], 'a')
del os.environ['POSIXLY_CORRECT']

print(getopt.error is getopt.GetoptError, issubclass(getopt.GetoptError, Exception))
e = getopt.GetoptError('just a message')
print(repr(e.msg), repr(e.opt), str(e), e.args)
try:
    getopt.getopt(['-z'], 'a')
except getopt.error as err:
    print('caught', type(err).__name__, err)
opts, args = getopt.getopt('-x -y 1 --name=Bob file1 file2'.split(), 'xy:', ['name='])
for name, value in opts:
    print(name, repr(value))
print(args)
