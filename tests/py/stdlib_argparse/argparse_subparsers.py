# Sub-commands, parents, FileType, conflict resolution and intermixed usage.
import argparse
import contextlib
import io
import os
import sys
import tempfile

os.environ['COLUMNS'] = '80'


def run(parser, words):
    out = io.StringIO()
    err = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result = parser.parse_args(words)
        print(words, '->', result)
    except SystemExit as e:
        print(words, '-> exit', e.code)
    for text in (out.getvalue(), err.getvalue()):
        if text:
            print(text, end='')
    print('~~~~')


p = argparse.ArgumentParser(prog='git')
p.add_argument('--debug', action='store_true')
sub = p.add_subparsers(dest='command', help='what to do')
clone = sub.add_parser('clone', help='copy a repository', aliases=['cl'])
clone.add_argument('url')
clone.add_argument('--depth', type=int)
commit = sub.add_parser('commit', help='record changes')
commit.add_argument('-m', '--message', required=True)
commit.set_defaults(func='do_commit')
sub.add_parser('status')
for words in (['clone', 'http://x'], ['--debug', 'cl', 'u', '--depth', '1'],
              ['commit', '-m', 'msg'], ['status'], [], ['push'], ['commit'],
              ['clone', '-h'], ['-h'], ['status', '--bogus'], ['clone', 'u', '--depth', 'x']):
    run(p, words)
print(repr(sub)[:50])

# Required sub-commands, a title, and a positional before the command.
p = argparse.ArgumentParser(prog='tool')
p.add_argument('target')
sub = p.add_subparsers(title='commands', description='available commands',
                       required=True, dest='cmd', metavar='CMD')
build = sub.add_parser('build', help='build it')
build.add_argument('--fast', action='store_true')
sub.add_parser('test', help='test it')
for words in (['t1', 'build', '--fast'], ['t1'], ['-h'], ['t1', 'build', '-h']):
    run(p, words)
try:
    p.add_subparsers()
except SystemExit as e:
    print('second add_subparsers exits', e.code)

# Parents share arguments; conflict_handler='resolve' replaces options.
base = argparse.ArgumentParser(add_help=False)
base.add_argument('--config', default='c.ini')
child = argparse.ArgumentParser(prog='child', parents=[base])
child.add_argument('--level', type=int, default=1)
run(child, ['--config', 'x.ini'])
run(child, ['-h'])
r = argparse.ArgumentParser(prog='resolve', conflict_handler='resolve')
r.add_argument('-f', '--foo', help='old foo')
r.add_argument('--foo', help='new foo')
run(r, ['-h'])

# FileType opens files, and "-" means the standard streams.
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'in.txt')
with open(path, 'w') as f:
    f.write('file contents\n')
p = argparse.ArgumentParser(prog='ft')
p.add_argument('infile', type=argparse.FileType('r'))
p.add_argument('--out', type=argparse.FileType('w', encoding='utf-8'))
ns = p.parse_args([path, '--out', '-'])
print(ns.infile.read(), end='')
ns.infile.close()
print(ns.out is sys.stdout)
os.chdir(tmp)
run(p, ['missing.txt'])
print(repr(argparse.FileType('r')), repr(argparse.FileType('wb', 0, errors='strict')))
try:
    p.add_argument('--bad', type=argparse.FileType)
except ValueError as e:
    print('ValueError', e)
