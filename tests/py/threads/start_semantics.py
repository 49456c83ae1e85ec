# What start() promises the moment it returns: the thread is alive, its ident
# and native_id are known and are the ones the thread itself sees, and it is
# in threading.enumerate(). Also for a burst of threads that start while
# others already run, and for threads that finish before anyone looks.
import _thread
import threading
import time

gate = threading.Event()
seen = {}


def record():
    me = threading.current_thread()
    seen[me.name] = (threading.get_ident(), threading.get_native_id(), me.ident, me.native_id)
    gate.wait()


threads = [threading.Thread(target=record, name=f'w{i}') for i in range(20)]
for t in threads:
    t.start()
    assert t.is_alive(), t
    assert isinstance(t.ident, int) and t.ident != threading.get_ident(), t
    assert isinstance(t.native_id, int) and t.native_id != threading.get_native_id(), t
    assert t in threading.enumerate(), t
    assert repr(t).startswith(f'<Thread({t.name}, started '), repr(t)
print('alive right after start:', all(t.is_alive() for t in threads))
while len(seen) < len(threads):
    time.sleep(0.001)
gate.set()
for t in threads:
    t.join()
print('idents agree:', all(seen[t.name][0] == t.ident == seen[t.name][2] for t in threads))
print('native ids agree:', all(seen[t.name][1] == t.native_id == seen[t.name][3]
                               for t in threads))
print('distinct native ids:', len({t.native_id for t in threads}) == len(threads))
print('none alive after join:', not any(t.is_alive() for t in threads))

# A thread that has finished before native_id is first read still has it.
quick = threading.Thread(target=lambda: None)
quick.start()
quick.join()
print('finished thread native_id is int:', isinstance(quick.native_id, int))
print('finished thread alive:', quick.is_alive())

# Many quick threads, started back to back: every one runs exactly once.
results = []
burst = [threading.Thread(target=results.append, args=(i,)) for i in range(200)]
for t in burst:
    t.start()
for t in burst:
    t.join()
print('burst ran:', sorted(results) == list(range(200)))
print('active after burst:', threading.active_count())

# start() twice, join before start, join self: CPython's errors.
t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print('RuntimeError:', e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print('RuntimeError:', e)
t.join()
try:
    threading.current_thread().join()
except RuntimeError as e:
    print('RuntimeError:', e)

# _thread.start_new_thread returns the ident the thread sees.
box = []
done = threading.Event()


def raw():
    box.append(_thread.get_ident())
    done.set()


ident = _thread.start_new_thread(raw, ())
done.wait()
print('start_new_thread ident:', box == [ident])
