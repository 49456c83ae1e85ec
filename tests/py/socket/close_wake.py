# A thread blocked in recv() while another closes the connection: shutting
# down first wakes it (CPython's documented way), then close() is safe.
import socket
import threading
import time

a, b = socket.socketpair()
result = []
def reader():
    try:
        result.append(b.recv(100))
    except OSError as e:
        result.append(type(e).__name__)
t = threading.Thread(target=reader)
t.start()
time.sleep(0.05)
b.shutdown(socket.SHUT_RDWR)
t.join()
b.close()
print(result)

# Writing to a peer that has gone raises BrokenPipeError (SIGPIPE is ignored).
try:
    for _ in range(100):
        a.send(b"x" * 65536)
except (BrokenPipeError, ConnectionResetError) as e:
    print(type(e).__name__, e.errno in (32, 104))
a.close()

# A TCP peer closing: recv returns b'' then sending fails.
listener = socket.create_server(("127.0.0.1", 0))
c = socket.create_connection(listener.getsockname())
s, _ = listener.accept()
c.close()
print(s.recv(10))
try:
    for _ in range(100):
        s.sendall(b"y" * 65536)
        time.sleep(0.001)
except (BrokenPipeError, ConnectionResetError) as e:
    print("peer gone:", isinstance(e, ConnectionError))
s.close()
listener.close()

# Everything on a closed socket says EBADF, and close() is idempotent.
for name, call in [("recv", lambda: a.recv(1)), ("send", lambda: a.send(b"x")),
                   ("sendall", lambda: a.sendall(b"x")), ("accept", lambda: a.accept()),
                   ("getsockname", lambda: a.getsockname()), ("connect", lambda: a.connect("x")),
                   ("setsockopt", lambda: a.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)),
                   ("shutdown", lambda: a.shutdown(socket.SHUT_RD))]:
    try:
        call()
        print(name, "no error")
    except OSError as e:
        print(name, type(e).__name__, e)
a.close()
print(a.fileno(), a)

# detach() hands the descriptor over; the socket object forgets it.
x, y = socket.socketpair()
fd = x.detach()
print(x.fileno(), fd >= 0)
z = socket.socket(fileno=fd)
print(z.family, z.type, z.proto)
z.sendall(b"via fileno")
print(y.recv(100))
z.close()
y.close()
