# posixpath functions that consult the environment or the file system:
# expanduser, expandvars, abspath and realpath (symlink chains, loops,
# '..' after a link, strict mode), printed relative to a scratch directory.
import os
import posixpath as pp
import tempfile

os.environ['HOME'] = '/home/tester/'
for p in ('~', '~/', '~/x/y', '~x~', 'a~', '', '~root', '~root/sub', b'~', b'~/b',
          '~no_such_user_zz/q', b'~no_such_user_zz'):
    print(repr(p), repr(pp.expanduser(p)))
os.environ['HOME'] = '/'
print(repr(pp.expanduser('~')), repr(pp.expanduser('~/a')))
del os.environ['HOME']
# The current user's home from the password file: compare, so the output
# does not depend on who runs the test.
me = os.getuid()
with open('/etc/passwd') as f:
    homes = [line.split(':')[5] for line in f if line.split(':')[2:3] == [str(me)]]
print(pp.expanduser('~/still') == (homes[0].rstrip('/') + '/still' if homes else '~/still'))
print(repr(pp.expanduser('~root')))

os.environ['GPV'] = 'value'
os.environ['GPV_2'] = 'two'
os.environ['EMPTY_GPV'] = ''
for p in ('$GPV', '${GPV}', '$GPV_2x', '$GPV-x', '${GPV_2}x', 'a$', '$', '${', '${GPV',
          '${}', '$$GPV', '$NO_SUCH_ZZ/$GPV', '${NO_SUCH_ZZ}', 'x$EMPTY_GPV.y',
          '$GPV$GPV_2', 'no dollars', '$1abc', '${GPV}}'):
    print(repr(p), repr(pp.expandvars(p)))
print(pp.expandvars(b'$GPV/${GPV_2}/$NOPE_ZZ/${EMPTY_GPV}.'), pp.expandvars(b'plain'))

print(pp.abspath('/a/./b//../c/'), pp.abspath(b'/x/../y'))
here = os.getcwd()
print(pp.abspath('') == here, pp.abspath('q/..') == here, pp.abspath(b'z') == here.encode() + b'/z')

base = pp.realpath(tempfile.mkdtemp())


def rel(p):
    if isinstance(p, bytes):
        p = p.decode()
    return p.replace(base, '<base>', 1)


os.mkdir(pp.join(base, 'd'))
os.mkdir(pp.join(base, 'd', 'e'))
open(pp.join(base, 'd', 'e', 'f'), 'w').close()
os.symlink('d/e', pp.join(base, 'to_e'))
os.symlink('to_e', pp.join(base, 'chain'))
os.symlink(pp.join(base, 'd'), pp.join(base, 'abs_d'))
os.symlink('loop_b', pp.join(base, 'loop_a'))
os.symlink('loop_a', pp.join(base, 'loop_b'))
os.symlink('self', pp.join(base, 'self'))
os.symlink('missing/x', pp.join(base, 'dangling'))
for name in ('d', 'to_e', 'chain', 'chain/f', 'chain/..', 'abs_d/e/../e/f', 'to_e/../..',
             'loop_a', 'loop_a/x', 'self', 'dangling', 'nothing/../d', './d/./e/',
             'd/e/f/..'):
    print(name, rel(pp.realpath(pp.join(base, name))))
print(rel(pp.realpath(pp.join(base, 'chain').encode())))
for name in ('chain/f', 'nothing', 'loop_a', 'dangling'):
    try:
        print(name, 'strict', rel(pp.realpath(pp.join(base, name), strict=True)))
    except OSError as e:
        print(name, 'strict', type(e).__name__)
old = os.getcwd()
os.chdir(base)
print(rel(pp.realpath('chain')), rel(pp.realpath('')), rel(pp.realpath('.')), rel(pp.abspath('x')))
print(pp.relpath(pp.join(base, 'd', 'e')), pp.relpath('d/e/f', 'to_e'))
os.chdir(old)
print(pp.islink(pp.join(base, 'chain')), pp.isdir(pp.join(base, 'chain')),
      pp.exists(pp.join(base, 'loop_a')), pp.lexists(pp.join(base, 'loop_a')))
for name in ('chain', 'to_e', 'abs_d', 'loop_a', 'loop_b', 'self', 'dangling'):
    os.remove(pp.join(base, name))
os.remove(pp.join(base, 'd', 'e', 'f'))
os.rmdir(pp.join(base, 'd', 'e'))
os.rmdir(pp.join(base, 'd'))
os.rmdir(base)
