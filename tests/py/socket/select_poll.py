# select.select and select.poll on socketpairs, with ints and fileno() objects.
import select
import socket
import threading
import time

a, b = socket.socketpair()
r, w, x = select.select([a, b], [a], [], 0)
print(r, len(w), x)
a.send(b"hi")
r, w, x = select.select([a, b.fileno()], [], [], 1.0)
print(r == [b.fileno()], w, x)
print(b.recv(10))
print(select.select([], [], [], 0.01))
print(select.select((), (), (), 0))

# A thread waits in select() while another writes.
def later():
    time.sleep(0.05)
    a.send(b"wake")
t = threading.Thread(target=later)
t.start()
r, _, _ = select.select([b], [], [])
print(r == [b], b.recv(10))
t.join()

class Holder:
    def __init__(self, s):
        self.s = s
    def fileno(self):
        return self.s.fileno()
h = Holder(b)
a.send(b"x")
print(select.select([h], [], [], 1)[0] == [h])
b.recv(1)

p = select.poll()
p.register(b, select.POLLIN)
p.register(a.fileno(), select.POLLOUT)
events = sorted(p.poll(0))
print(events == [(a.fileno(), select.POLLOUT)])
a.send(b"y")
events = dict(p.poll(1000))
print(events[b.fileno()] & select.POLLIN != 0)
p.modify(b, select.POLLOUT)
p.unregister(a)
print(p.poll(0) == [(b.fileno(), select.POLLOUT)])
try:
    p.unregister(a)
except KeyError as e:
    print("KeyError", e.args == (a.fileno(),))
try:
    p.modify(a, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e.errno)
a.close()
b.close()

for args in ([[-1], [], []], [["x"], [], []], [[], [], [], "x"], [[], [], [], -1], [1, [], []]):
    try:
        select.select(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(select.error is OSError)
