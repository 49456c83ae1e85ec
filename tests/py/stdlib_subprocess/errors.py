# Spawn failures and argument errors, with CPython's exception types and texts.
import subprocess

cases = [
    (['nosuchcmd_gilpy'], {}),
    ('nosuchcmd_gilpy', {}),
    (['/nonexistent/prog'], {}),
    (['/etc/passwd'], {}),
    (['/tmp'], {}),
    (['true'], {'cwd': '/nonexistent-dir'}),
    (['true'], {'executable': 'nosuch_exe_gilpy'}),
    (['true'], {'env': {'PATH': '/nonexistent'}}),
    ([], {}),
    (['echo', 'a\0b'], {}),
    (['true'], {'env': {'A=B': 'c'}}),
    (['true'], {'bogus': 1}),
    (['true', 3], {}),
]
for args, kwargs in cases:
    try:
        p = subprocess.Popen(args, **kwargs)
        print('started', p.wait())
    except OSError as e:
        print(type(e).__name__, e.errno, repr(e.filename), e)
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)

for kwargs in ({'input': b'x', 'stdin': subprocess.PIPE},
               {'capture_output': True, 'stdout': subprocess.PIPE}):
    try:
        subprocess.run(['true'], **kwargs)
    except ValueError as e:
        print('ValueError:', e)
try:
    subprocess.check_output(['true'], stdout=subprocess.PIPE)
except ValueError as e:
    print('ValueError:', e)
try:
    subprocess.Popen(['true'], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

# The shell reports a missing command itself, as status 127.
r = subprocess.run('nosuchcmd_gilpy', shell=True, capture_output=True)
print(r.returncode, r.stdout, b'not found' in r.stderr)

# Exception classes and strings.
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
print([c.__name__ for c in subprocess.CalledProcessError.__mro__])
print([c.__name__ for c in subprocess.TimeoutExpired.__mro__])
e = subprocess.CalledProcessError(1, ['false'])
print(str(e), repr(e), e.args)
print(subprocess.CalledProcessError(-9, ['x']))
print(subprocess.CalledProcessError(-99, 'x'))
print(subprocess.CalledProcessError(2, 'cmd', output=b'o', stderr=b'e').stdout)
e = subprocess.TimeoutExpired(['sleep', '5'], 0.5)
print(str(e), repr(e), e.args, e.output, e.stdout, e.stderr)
e.stdout = b'set'
print(e.output)
print(subprocess.CompletedProcess(['a'], 0))
print(subprocess.CompletedProcess('a b', 1, b'x', 'y'))
print(subprocess.CompletedProcess(['a'], 0, None, 'y'))
try:
    subprocess.CompletedProcess(['a'], 2, b'o', b'e').check_returncode()
except subprocess.CalledProcessError as e:
    print(e, e.stdout, e.stderr)
