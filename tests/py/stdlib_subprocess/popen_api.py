# Popen: attributes, pipes as file objects, poll/wait/communicate, the
# context manager, file objects and fds as targets, pass_fds, sessions.
import os
import subprocess
import tempfile

p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(repr(p), p.returncode, p.args, isinstance(p.pid, int) and p.pid > 0)
print(type(p.stdin).__name__, type(p.stdout).__name__, p.stderr)
p.stdin.write(b'line one\n')
p.stdin.flush()
print(p.stdout.readline())
p.stdin.write(b'line two\n')
p.stdin.close()
print(p.stdout.read())
p.stdout.close()
print(p.wait(), p.returncode, p.poll(), repr(p))

# Text mode: TextIOWrapper on both ends.
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
print(type(p.stdin).__name__, type(p.stdout).__name__, p.universal_newlines, p.text_mode)
print(p.encoding, p.errors, p.stdin.write_through, p.stdin.line_buffering)
p.stdin.write('text line\n')
p.stdin.close()
print(repr(p.stdout.read()))
p.stdout.close()
p.wait()

# Unbuffered pipes are raw FileIO.
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
print(type(p.stdin).__name__, type(p.stdout).__name__)
print(p.communicate(b'raw'))

# communicate: both pipes, one pipe, no pipes, and calling it again.
p = subprocess.Popen(['sh', '-c', 'cat; echo to-err >&2'], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(p.communicate(b'to-out\n'), p.returncode)
try:
    p.communicate(b'more')
except ValueError as e:
    print('ValueError:', e)
print(p.communicate())
p = subprocess.Popen(['echo', 'only out'], stdout=subprocess.PIPE)
print(p.communicate())
p = subprocess.Popen(['true'])
print(p.communicate(), p.returncode)
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
print(p.communicate('a\r\nb\rc'))

# A child that exits without reading its input: not an error.
p = subprocess.Popen(['true'], stdin=subprocess.PIPE)
print(p.communicate(b'x' * 200000), p.returncode)

# poll() before and after the end.
p = subprocess.Popen(['sh', '-c', 'read line; exit 9'], stdin=subprocess.PIPE)
print(p.poll())
p.stdin.write(b'go\n')
p.stdin.close()
print(p.wait(), p.poll())

# The context manager closes the pipes and waits.
with subprocess.Popen(['echo', 'ctx'], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)

# Targets: a file object, a raw fd, and stderr into a file.
with tempfile.TemporaryFile() as f:
    subprocess.run(['sh', '-c', 'echo into-file; echo err-into-file >&2'], stdout=f,
                   stderr=subprocess.STDOUT)
    f.seek(0)
    print(f.read())
with tempfile.TemporaryFile() as f:
    f.write(b'from a file\n')
    f.seek(0)
    print(subprocess.run(['cat'], stdin=f.fileno(), capture_output=True).stdout)

# pass_fds keeps a descriptor open in the child; close_fds closes the rest.
r, w = os.pipe()
subprocess.run(['sh', '-c', 'echo passed > /dev/fd/%d' % w], pass_fds=[w])
os.close(w)
print(os.read(r, 100))
os.close(r)
r, w = os.pipe()
res = subprocess.run(['sh', '-c', 'echo leaked > /dev/fd/%d' % w], stderr=subprocess.PIPE)
os.close(w)
print(os.read(r, 100), res.returncode != 0)
os.close(r)

# start_new_session and process_group.
out = subprocess.run(['sh', '-c', 'ps -o sid= -p $$ 2>/dev/null || cat /proc/$$/stat'],
                     capture_output=True, text=True, start_new_session=True)
print(out.returncode)
p = subprocess.Popen(['sh', '-c', 'cut -d" " -f5,6 /proc/$$/stat 2>/dev/null || true'],
                     stdout=subprocess.PIPE, text=True, start_new_session=True)
fields = p.communicate()[0].split()
print(fields == [str(p.pid), str(p.pid)] if fields else 'no /proc')
p = subprocess.Popen(['sh', '-c', 'cut -d" " -f5 /proc/$$/stat'], stdout=subprocess.PIPE,
                     text=True, process_group=0)
print(p.communicate()[0].strip() == str(p.pid))

# preexec_fn runs in the child before exec.
print(subprocess.run(['sh', '-c', 'echo $PREEXEC_SET'], capture_output=True,
                     preexec_fn=lambda: os.environ.__setitem__('PREEXEC_SET', 'yes')).stdout)


def failing():
    raise RuntimeError('in the child')


try:
    subprocess.run(['true'], preexec_fn=failing)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

# After communicate() the pipes are closed file objects, still attributes.
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE)
print(p.communicate(b'kept'))
print(p.stdin.closed, p.stdout.closed, p.stderr.closed)
p.stdout.close()
# Reading a pipe the caller closed is an error, as on CPython.
p = subprocess.Popen(['echo', 'hi'], stdout=subprocess.PIPE)
p.stdout.close()
try:
    p.communicate()
except ValueError as e:
    print('ValueError')
p.wait()
