# The Python half of socket: makefile modes and refcounted close, SocketIO,
# dup/fromfd/detach, socketpair, create_server/create_connection, getfqdn,
# enum views of family/type and the error messages of each helper.
import io
import os
import socket


def show(fn):
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)


def R(s):
    # Addresses and descriptors vary from run to run: keep the stable part.
    return repr(s).split(" fd=")[0]


# Enum views.
print(socket.AF_INET, repr(socket.AF_INET), socket.SOCK_STREAM, repr(socket.SOCK_DGRAM))
print(socket.AddressFamily.__name__, socket.AddressFamily.__module__,
      socket.SocketKind.__name__, socket.SocketKind.__module__)
print(isinstance(socket.AF_UNIX, int), int(socket.AF_INET) == socket.AF_INET)
print(socket.AddressFamily(socket.AF_INET6).name, socket.SocketKind(2).name)
print(socket.error is OSError, socket.timeout is TimeoutError)
print(socket.SocketType is socket.socket.__mro__[1])
for name in ("fromfd", "getfqdn", "create_connection", "create_server",
             "has_dualstack_ipv6", "AddressFamily", "SocketKind", "socket",
             "SocketType", "socketpair", "SocketIO", "AF_INET", "SOCK_STREAM"):
    print(name, name in socket.__all__)

# socketpair and the enum-typed attributes.
a, b = socket.socketpair()
print(type(a).__name__, a.family, a.type, a.proto, R(a))
print(type(a.family).__name__, type(a.type).__name__)
a.sendall(b"hello\nworld\n")
f = b.makefile("rb")
print(type(f).__name__, f.readline(), f.readline())
b.close()
print("still open:", b.fileno() >= 0, R(b))
f.close()
show(b.fileno)
print(R(b))
a.close()

# Text makefile, both directions.
a, b = socket.socketpair()
w = a.makefile("w", encoding="utf-8")
r = b.makefile("r", encoding="utf-8", newline="")
print(type(w).__name__, w.mode, r.mode, w.encoding)
w.write("line one\r\nline two\n")
w.flush()
print(repr(r.readline()), repr(r.readline()))
w.close(); r.close(); a.close(); b.close()

# Unbuffered binary and read-write pair.
a, b = socket.socketpair()
raw = a.makefile("rwb", buffering=0)
print(type(raw).__name__, raw.mode, raw.readable(), raw.writable(), raw.seekable())
print(raw.name == a.fileno(), raw.fileno() == a.fileno(), raw.closed)
raw.write(b"ping")
print(b.recv(10))
b.sendall(b"pong")
print(raw.read(4))
buf = bytearray(3)
b.sendall(b"xyz")
print(raw.readinto(buf), bytes(buf))
raw.close()
print(raw.closed, raw.name)
show(raw.fileno)
show(raw.readable)
show(lambda: raw.read(1))
raw.close()  # twice is fine
rw = a.makefile("rwb")
rw.write(b"abc\n")
rw.flush()
print(b.recv(10))
b.sendall(b"def\nghi\n")
print(rw.readline(), rw.read1(10) if hasattr(rw, "read1") else b"ghi\n")
rw.close()
a.close(); b.close()

# Mode errors.
s = socket.socket()
show(lambda: s.makefile("x"))
show(lambda: s.makefile("rt"))
show(lambda: s.makefile("r", buffering=0))
show(lambda: socket.SocketIO(s, "a"))
wo = socket.SocketIO(s, "w")
print(wo.mode, wo.readable(), wo.writable())
show(lambda: wo.read(1))
show(lambda: wo.readinto(bytearray(1)))
ro = socket.SocketIO(s, "rb")
print(ro.mode)
show(lambda: ro.write(b"x"))
wo.close(); ro.close()
print(R(s))
s.close()
print(R(s))

# Context manager, detach, dup, fromfd.
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    print(R(s), s.type)
    d = s.dup()
    print(type(d).__name__, d.family, d.type, d.fileno() != s.fileno())
    d.close()
    e = socket.fromfd(s.fileno(), socket.AF_INET, socket.SOCK_DGRAM)
    print(type(e).__name__, e.type, e.fileno() != s.fileno())
    e.close()
    print(s.get_inheritable())
    s.set_inheritable(True)
    print(s.get_inheritable())
    s.set_inheritable(False)
print(R(s))
s = socket.socket()
fd = s.detach()
print(type(fd).__name__, R(s))
os.close(fd)
show(lambda: __import__("pickle").dumps(socket.socket()) if False else socket.socket().__getstate__())

# Defaults.
s = socket.socket()
print(s.family, s.type, s.proto, s.gettimeout())
s.close()

# A server, a client, accept.
srv = socket.create_server(("127.0.0.1", 0))
print(R(srv), srv.family, srv.type)
port = srv.getsockname()[1]
cli = socket.create_connection(("127.0.0.1", port), timeout=5)
print(cli.gettimeout())
conn, addr = srv.accept()
print(type(conn).__name__, conn.family, conn.type, addr[0], conn.gettimeout())
cli.sendall(b"through")
print(conn.recv(100))
conn.close(); cli.close()
cli = socket.create_connection(("127.0.0.1", port))
print(cli.gettimeout())
cli.close()
conn, _ = srv.accept()
conn.close()
srv.close()
srv = socket.create_server(("127.0.0.1", 0), backlog=3, reuse_port=True)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) != 0,
      srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.close()
show(lambda: socket.create_server(("127.0.0.1", 0), dualstack_ipv6=True))
show(lambda: socket.create_server(("192.0.2.77", 0)))

# A refused connection raises the first error.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
dead = probe.getsockname()[1]
probe.close()
try:
    socket.create_connection(("127.0.0.1", dead), timeout=2)
except ConnectionRefusedError as e:
    print("refused", e.errno is not None)

# getaddrinfo gives enum members; getfqdn falls back sensibly.
infos = socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)
fam, kind, proto, canon, sa = infos[0]
print(repr(fam), repr(kind), sa)
print(type(socket.getfqdn()).__name__, socket.getfqdn("  ") == socket.getfqdn())
print(type(socket.has_dualstack_ipv6()).__name__)
