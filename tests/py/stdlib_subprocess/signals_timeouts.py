# Signals give negative returncodes; wait() and communicate() time out with
# TimeoutExpired and can be called again; run(timeout=) kills the child.
import signal
import subprocess

p = subprocess.Popen(['sleep', '30'])
p.kill()
print(p.wait(), p.returncode)
p.send_signal(signal.SIGTERM)  # after the reap: silently nothing
p.kill()

p = subprocess.Popen(['sleep', '30'])
p.terminate()
print(p.wait())

p = subprocess.Popen(['sleep', '30'])
p.send_signal(signal.SIGINT)
print(p.wait())

# A shell that kills itself.
print(subprocess.run(['sh', '-c', 'kill -USR1 $$']).returncode)

try:
    subprocess.run(['sh', '-c', 'kill -9 $$'], check=True)
except subprocess.CalledProcessError as e:
    print(e)
    print(e.returncode)

# wait(timeout): TimeoutExpired, then the child is still there to wait for.
p = subprocess.Popen(['sleep', '30'])
try:
    p.wait(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired:', e, e.timeout, e.cmd)
print(p.poll())
p.kill()
print(p.wait(timeout=10))
p = subprocess.Popen(['sleep', '30'])
try:
    p.wait(timeout=0)
except subprocess.TimeoutExpired as e:
    print('zero timeout:', e)
p.kill()
p.wait()

# A wait that ends before its timeout.
p = subprocess.Popen(['sh', '-c', 'sleep 0.1; exit 6'])
print(p.wait(timeout=20))

# communicate(timeout): the output so far is kept; a second call finishes.
p = subprocess.Popen(['sh', '-c', 'echo early; sleep 1; echo late; echo err >&2'],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
try:
    p.communicate(timeout=0.3)
except subprocess.TimeoutExpired as e:
    print('communicate timed out:', e.cmd, e.timeout, e.stdout, e.stderr)
print(p.communicate(timeout=20))
print(p.returncode)

# run(timeout): the child is killed, the partial output travels with the error.
try:
    subprocess.run(['sh', '-c', 'echo before; exec sleep 30'], capture_output=True,
                   timeout=0.5)
except subprocess.TimeoutExpired as e:
    print('run timed out:', e.cmd, e.stdout, e.stderr)
try:
    subprocess.run(['sleep', '30'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('no pipes:', e.cmd, e.stdout, e.stderr)
try:
    subprocess.call(['sleep', '30'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('call:', e)
try:
    subprocess.check_output(['sleep', '30'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('check_output:', e.cmd, e.output)

# SIGPIPE is back to its default in the child (restore_signals), so a
# writer whose reader went away dies of it, as from a shell.
print(subprocess.run('yes | head -n 1', shell=True, capture_output=True))
print(subprocess.run(['sh', '-c', 'yes | (exit 0); kill -0 $$ && echo alive'],
                     capture_output=True, text=True).stdout)
