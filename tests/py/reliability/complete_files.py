# Files written by many threads are complete after close() / with.
import os
import tempfile
import threading

d = tempfile.mkdtemp()
N = 8
CHUNK = b'0123456789abcdef' * 64  # 1 KiB


def writer(i):
    with open(os.path.join(d, 'f%d' % i), 'wb') as f:
        for _ in range(2000):
            f.write(CHUNK)
    # text mode too, with a final line that has no newline
    f = open(os.path.join(d, 't%d' % i), 'w')
    for j in range(5000):
        f.write('line %d\n' % j)
    f.write('end')
    f.close()


threads = [threading.Thread(target=writer, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in range(N):
    size = os.path.getsize(os.path.join(d, 'f%d' % i))
    with open(os.path.join(d, 't%d' % i)) as f:
        lines = f.read().split('\n')
    print(i, size == 2000 * len(CHUNK), len(lines), lines[-1])
for name in os.listdir(d):
    os.remove(os.path.join(d, name))
os.rmdir(d)
