# No descriptor stays open after subprocess work: pipes, /dev/null, pidfds
# and the exec-report pipe are all closed, failures and timeouts included.
import os
import subprocess


def open_fds():
    return len(os.listdir('/proc/self/fd'))


# The first wait may start interpreter machinery (gilpy's service loop),
# which keeps its own descriptors: warm up before counting.
subprocess.run(['true'], capture_output=True, input=b'', timeout=10)
warm = subprocess.Popen(['sleep', '10'])
try:
    warm.wait(timeout=0.05)
except subprocess.TimeoutExpired:
    warm.kill()
warm.wait()
before = open_fds()

for _ in range(4):
    subprocess.run(['echo', 'x'], capture_output=True)
    subprocess.run(['cat'], input=b'abc', capture_output=True, text=False)
    subprocess.run(['true'], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    subprocess.check_output('echo y', shell=True, stderr=subprocess.STDOUT)
    subprocess.getoutput('echo z')
    for bad in (['nosuchcmd_gilpy'], ['/tmp']):
        try:
            subprocess.Popen(bad, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        except OSError:
            pass
    try:
        subprocess.Popen(['true'], cwd='/nonexistent-dir', stdout=subprocess.PIPE)
    except OSError:
        pass
    try:
        subprocess.run(['sleep', '10'], capture_output=True, timeout=0.01)
    except subprocess.TimeoutExpired:
        pass
    with subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
        p.stdin.write(b'data')
    p = subprocess.Popen(['true'])
    p.wait()

after = open_fds()
print('fds leaked:', after - before)

# The child itself gets only 0, 1, 2 (close_fds=True is the default).
r, w = os.pipe()
out = subprocess.run(['sh', '-c', 'ls /proc/$$/fd'], capture_output=True, text=True).stdout
print(sorted(int(fd) for fd in out.split()))
os.close(r)
os.close(w)
