# subprocess.run, call, check_call, check_output, getoutput: exit codes,
# captured output as bytes and text, shell command lines, env and cwd.
import os
import subprocess

r = subprocess.run(['echo', 'hello', 'world'], capture_output=True)
print(r)
print(r.returncode, r.stdout, r.stderr)
r.check_returncode()

r = subprocess.run(['sh', '-c', 'echo out; echo err >&2; exit 3'], capture_output=True)
print(r)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print('check_returncode:', e)
    print(repr(e), e.returncode, e.cmd, e.output, e.stdout, e.stderr)

print(subprocess.run(['true']))
print(subprocess.run(['false']).returncode)
print(subprocess.run('exit 7', shell=True))
print(subprocess.run(['printf', 'a\\nb\\r\\nc\\rd'], capture_output=True, text=True))
print(subprocess.run(['printf', 'a\\nb\\r\\nc'], capture_output=True).stdout)
print(subprocess.run(['cat'], input=b'bytes in\n', capture_output=True).stdout)
print(subprocess.run(['cat'], input='text in\n', capture_output=True, text=True).stdout)
print(subprocess.run(['cat'], input='enc\n', stdout=subprocess.PIPE, encoding='utf-8').stdout)
print(subprocess.run(['cat'], input='x\n', stdout=subprocess.PIPE,
                     universal_newlines=True).stdout)
print(subprocess.run(['cat'], input='caf\u00e9\n', capture_output=True, text=True).stdout)

# stderr=STDOUT merges; DEVNULL discards and gives an empty stdin.
print(subprocess.run(['sh', '-c', 'echo one; echo two >&2'], stdout=subprocess.PIPE,
                     stderr=subprocess.STDOUT).stdout)
print(subprocess.run(['sh', '-c', 'echo gone; echo gone >&2'], stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL))
print(subprocess.run(['cat'], stdin=subprocess.DEVNULL, capture_output=True).stdout)

# Shell pipelines and a list given with shell=True (extra items are $0...).
print(subprocess.run('printf "b\\na\\nc\\n" | head -n 2 | cat', shell=True,
                     capture_output=True, text=True).stdout)
print(subprocess.run(['echo "$0-$1"', 'zero', 'one'], shell=True,
                     capture_output=True, text=True).stdout)
print(subprocess.run('yes | head -n 3', shell=True, capture_output=True).stdout)

# env replaces the whole environment; cwd changes the directory.
r = subprocess.run(['env'], env={'ONLY': 'this', 'PATH': os.environ.get('PATH', '/bin')},
                   capture_output=True, text=True)
print(sorted(line for line in r.stdout.splitlines() if line.startswith('ONLY')))
r = subprocess.run('echo "[$GILPY_SUB_TEST]"', shell=True, capture_output=True, text=True,
                   env={'GILPY_SUB_TEST': 'v a l'})
print(r.stdout)
print(subprocess.run(['pwd'], cwd='/', capture_output=True, text=True).stdout)
print(subprocess.run(['pwd'], cwd=b'/tmp', capture_output=True, text=True).stdout)
os.environ['GILPY_SUB_INHERIT'] = 'inherited'
print(subprocess.run('echo $GILPY_SUB_INHERIT', shell=True, capture_output=True).stdout)
del os.environ['GILPY_SUB_INHERIT']
print(subprocess.run('echo "[$GILPY_SUB_INHERIT]"', shell=True, capture_output=True).stdout)
print(subprocess.run(['sh', '-c', 'umask'], umask=0o027, capture_output=True).stdout)

# executable replaces the program while argv[0] stays.
print(subprocess.run(['ignored-name', '-c', 'echo $0'], executable='sh',
                     capture_output=True).stdout)

# call / check_call / check_output.
print(subprocess.call(['sh', '-c', 'exit 5']))
print(subprocess.check_call(['true']))
try:
    subprocess.check_call(['sh', '-c', 'exit 4'])
except subprocess.CalledProcessError as e:
    print(e, e.returncode, e.output)
print(subprocess.check_output(['echo', 'checked']))
print(subprocess.check_output('echo $((6*7))', shell=True, text=True))
print(subprocess.check_output(['cat'], input=b'fed'))
print(subprocess.check_output(['cat'], input=None))
try:
    subprocess.check_output(['sh', '-c', 'echo partial; exit 2'])
except subprocess.CalledProcessError as e:
    print(e, repr(e.output), repr(e.stdout))
try:
    subprocess.run(['false'], check=True, capture_output=True)
except subprocess.CalledProcessError as e:
    print(e, e.stdout, e.stderr)

print(repr(subprocess.getoutput('echo hi; echo err >&2')))
print(subprocess.getstatusoutput('exit 3'))
print(subprocess.getstatusoutput('printf "a\\n\\n"'))
print(subprocess.getstatusoutput('echo no newline; exit 1'))

# Arguments that are not plain text.
print(subprocess.run([b'echo', b'bytes', 'str'], capture_output=True).stdout)
print(subprocess.run(['echo', 'caf\u00e9'], capture_output=True).stdout)
print(subprocess.run(['echo', ''], capture_output=True).stdout)
