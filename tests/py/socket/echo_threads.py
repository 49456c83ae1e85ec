# Echo over a socketpair and over TCP, with a server thread and many client
# threads blocked at the same time.
import socket
import threading

a, b = socket.socketpair()
a.sendall(b"ping")
print(b.recv(4))
b.send(b"pong")
print(a.recv(100))
buf = bytearray(8)
a.sendall(b"into")
print(b.recv_into(buf), buf)
a.sendall(b"xyz")
print(b.recv_into(buf, 2), buf)
print(b.recv(1))
a.close()
print(b.recv(10))
b.close()


def serve(listener, count):
    def handle(conn):
        with conn:
            while True:
                data = conn.recv(4096)
                if not data:
                    break
                conn.sendall(data.upper())

    workers = []
    for _ in range(count):
        conn, addr = listener.accept()
        assert addr[0] == "127.0.0.1"
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        workers.append(t)
    for t in workers:
        t.join()


N = 20
listener = socket.create_server(("127.0.0.1", 0))
port = listener.getsockname()[1]
server = threading.Thread(target=serve, args=(listener, N))
server.start()

results = {}
ready = threading.Barrier(N)


def client(i):
    with socket.create_connection(("127.0.0.1", port)) as c:
        ready.wait()  # every client is connected before any speaks
        c.sendall(b"client %d" % i)
        c.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            data = c.recv(3)
            if not data:
                break
            chunks.append(data)
        results[i] = b"".join(chunks)


clients = [threading.Thread(target=client, args=(i,)) for i in range(N)]
for t in clients:
    t.start()
for t in clients:
    t.join()
server.join()
listener.close()
print(len(results), results[0], results[N - 1])
print(all(results[i] == b"CLIENT %d" % i for i in range(N)))

# sendall of 10 MiB across a thread, read back with recv_into.
payload = bytes(range(256)) * (10 * 4096)
a, b = socket.socketpair()
got = bytearray()


def reader():
    buf = bytearray(65536)
    while True:
        n = b.recv_into(buf)
        if n == 0:
            break
        got.extend(buf[:n])


t = threading.Thread(target=reader)
t.start()
a.sendall(payload)
a.close()
t.join()
b.close()
print(len(payload), len(got), got == payload)

# makefile: lines over a socket, text and binary.
a, b = socket.socketpair()
w = a.makefile("wb")
w.write(b"first line\nsecond line\nno newline")
w.flush()
w.close()
a.close()
r = b.makefile("r", encoding="utf-8")
print(repr(r.readline()))
print(repr(r.readline()))
print(repr(r.read()))
r.close()
b.close()
print(b)

a, b = socket.socketpair()
with a, b:
    f = b.makefile("rb")
    a.sendall(b"alpha\nbeta\n")
    a.shutdown(socket.SHUT_WR)
    print(list(f))
    f.close()
print(a._closed, b._closed, a.fileno(), b.fileno())
