# threading.local, Timer and excepthook.
import threading

data = threading.local()
data.x = 'main'
seen = []
def reader():
    seen.append(hasattr(data, 'x'))
    data.x = 'thread'
    seen.append(data.x)
t = threading.Thread(target=reader)
t.start(); t.join()
print(seen, data.x)

fired = []
timer = threading.Timer(0.01, fired.append, args=('fired',))
timer.start(); timer.join()
cancelled = threading.Timer(10, fired.append, args=('never',))
cancelled.start(); cancelled.cancel(); cancelled.join()
print(fired)

caught = []
def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook
def boom():
    raise ValueError("boom in thread")
b = threading.Thread(target=boom, name="bad")
b.start(); b.join()
print(caught)
