# A Popen dropped without wait() must not leave a zombie for ever: it is
# reaped when the next Popen is created.
import os
import subprocess
import time

p = subprocess.Popen(['true'])
pid = p.pid
del p
time.sleep(0.3)
subprocess.Popen(['true']).wait()
try:
    os.waitpid(pid, os.WNOHANG)
    print('still a child')
except ChildProcessError:
    print('reaped')

# One still running when dropped is reaped later, once it has exited.
p = subprocess.Popen(['sleep', '0.3'])
pid = p.pid
del p
subprocess.Popen(['true']).wait()
time.sleep(0.6)
subprocess.Popen(['true']).wait()
try:
    os.waitpid(pid, os.WNOHANG)
    print('still a child')
except ChildProcessError:
    print('reaped later')

# Waiting on a child reaped by somebody else reports 0, as CPython does.
p = subprocess.Popen(['sh', '-c', 'exit 3'])
os.waitpid(p.pid, 0)
print(p.wait())
