# atexit: last registered runs first, after the main program and threads;
# an exception in one callback is reported and the others still run.
import atexit
import threading
import time


class Named:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail

    def __call__(self, *args, **kwargs):
        print('callback', self.name, args, sorted(kwargs.items()))
        if self.fail:
            raise ValueError('failed in ' + self.name)

    def __repr__(self):
        return '<Named %s>' % self.name


first = Named('first')
print(atexit.register(first, 1, key='v') is first)
atexit.register(Named('second', fail=True))
atexit.register(print, 'printed', 'at', 'exit', sep='-')
removed = Named('removed')
atexit.register(removed)
atexit.register(removed, 2)
atexit.unregister(removed)
try:
    atexit.register(42)
except TypeError as e:
    print('TypeError:', e)


def late():
    time.sleep(0.05)
    print('thread finished before atexit')


threading.Thread(target=late).start()
print('main done')
