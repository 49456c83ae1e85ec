# A threading.local forgets a thread's attributes when the thread ends: a
# later thread (which may get the same ident) starts empty, and the values
# the ended thread stored are freed.
import gc
import threading

loc = threading.local()


class Tracked:
    freed = 0

    def __del__(self):
        Tracked.freed += 1


def store():
    loc.x = Tracked()


def look():
    print('sees old value:', hasattr(loc, 'x'))


for _ in range(3):
    t = threading.Thread(target=store)
    t.start()
    t.join()
    t = threading.Thread(target=look)
    t.start()
    t.join()
gc.collect()
print('freed:', Tracked.freed)
loc.y = 1
print('main keeps its own:', loc.y, hasattr(loc, 'x'))
