# Forking while other threads run and hold locks: the child gets a fresh GIL
# and a runtime whose only thread is the one that forked.
import os
import threading
import time

held = threading.Lock()
held.acquire()
started = threading.Event()


def busy():
    started.set()
    n = 0
    while not held.acquire(False):
        n += 1
    held.release()


worker = threading.Thread(target=busy)
worker.start()
started.wait()
pid = os.fork()
if pid == 0:
    # The child: the busy thread does not exist here.
    print('child threads:', threading.active_count(), threading.current_thread().name)
    total = sum(range(100000))
    print('child computed', total)
    os._exit(7)
_, status = os.waitpid(pid, 0)
print('child exit code', os.waitstatus_to_exitcode(status))
held.release()
worker.join()
print('parent done', threading.active_count())
