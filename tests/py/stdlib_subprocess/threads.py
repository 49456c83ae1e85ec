# Threads run subprocesses at the same time while another thread computes.
# Waiting releases the GIL, so the waits overlap and the computing thread
# keeps running (timings are measured by bench/subprocess_threads.py, not
# asserted here). Pipes are close-on-exec, so a child started by one thread
# never holds another thread's pipe open, and every communicate() ends.
import subprocess
import threading

results = {}
errors = []


def worker(n):
    try:
        outs = []
        for i in range(6):
            r = subprocess.run(['sh', '-c', 'cat; echo "$0 $1" >&2; exit $1', str(n), str(i)],
                               input=('%d-%d\n' % (n, i)).encode(), capture_output=True)
            outs.append((r.returncode, r.stdout, r.stderr))
        p = subprocess.Popen(['sleep', '0.2'])
        outs.append(p.wait())
        results[n] = outs
    except Exception as e:  # reported below; a hang fails the test anyway
        errors.append(repr(e))


counter = [0]
stop = threading.Event()


def compute():
    total = 0
    while not stop.is_set():
        for k in range(1000):
            total += k * k
        counter[0] += 1
    results['compute'] = total > 0


workers = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
cpu = threading.Thread(target=compute)
cpu.start()
for t in workers:
    t.start()
for t in workers:
    t.join()
stop.set()
cpu.join()

print('errors:', errors)
for n in range(6):
    outs = results[n]
    expected = [(i, ('%d-%d\n' % (n, i)).encode(), ('%d %d\n' % (n, i)).encode())
                for i in range(6)] + [0]
    print(n, outs == expected)
print('compute ran:', results['compute'], counter[0] > 0)

# Several threads waiting with timeouts on the same long child.
p = subprocess.Popen(['sleep', '30'])
timeouts = []


def waiter():
    try:
        p.wait(timeout=0.3)
    except subprocess.TimeoutExpired:
        timeouts.append(1)


waiters = [threading.Thread(target=waiter) for _ in range(4)]
for t in waiters:
    t.start()
for t in waiters:
    t.join()
print('timeouts:', len(timeouts))
p.kill()
print(p.wait())

# One thread blocks in wait() while another kills the child.
p = subprocess.Popen(['sleep', '30'])
got = []
t = threading.Thread(target=lambda: got.append(p.wait()))
t.start()
threading.Event().wait(0.2)
p.terminate()
t.join()
print('waited:', got)
