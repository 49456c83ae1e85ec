# Timeouts, refused connections, name errors and blocking modes.
import socket
import threading

a, b = socket.socketpair()
print(b.gettimeout(), b.getblocking(), b.timeout)
b.settimeout(0.05)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(1)
except socket.timeout as e:
    print(type(e).__name__, e, e.args, isinstance(e, OSError))
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(1)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
b.setblocking(True)
print(b.gettimeout(), b.getblocking())
b.settimeout(2)
a.send(b"late")
print(b.recv(10))

# A timeout bounds accept() too.
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen()
listener.settimeout(0.02)
try:
    listener.accept()
except TimeoutError as e:
    print("accept:", e)

# Connecting to a port nobody listens on.
port = listener.getsockname()[1]
listener.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror, e)
c.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", port)))
c.close()
try:
    socket.create_connection(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e)

# Names that cannot exist fail locally, without the network.
for call in (lambda: socket.getaddrinfo("nonexistent.invalid", 80),
             lambda: socket.gethostbyname("nonexistent.invalid"),
             lambda: socket.create_connection(("nonexistent.invalid", 80))):
    try:
        call()
    except socket.gaierror as e:
        print(type(e).__name__, e.errno, e)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))

# Default timeout.
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(1.5)
s = socket.socket()
print(s.gettimeout())
s.close()
socket.setdefaulttimeout(None)
s = socket.socket()
print(s.gettimeout())
s.close()

info = socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)
print(info)
print(socket.getaddrinfo("localhost", "80", socket.AF_INET, socket.SOCK_STREAM)[0][4])
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(type(socket.gethostname()).__name__)

# Blocking receivers in threads are woken by the peer, each with its own timeout.
pairs = [socket.socketpair() for _ in range(10)]
out = []
def waiter(sock, i):
    sock.settimeout(5)
    out.append((i, sock.recv(10)))
threads = [threading.Thread(target=waiter, args=(p[1], i)) for i, p in enumerate(pairs)]
for t in threads:
    t.start()
for i, p in enumerate(pairs):
    p[0].sendall(b"m%d" % i)
for t in threads:
    t.join()
print(sorted(out))
for x, y in pairs:
    x.close()
    y.close()
a.close()
b.close()
