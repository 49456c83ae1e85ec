# Sockets made, used, timed out, refused and closed leave no descriptor behind.
import gc
import os
import select
import socket
import threading


def open_fds():
    return len(os.listdir("/proc/self/fd"))


def workout():
    a, b = socket.socketpair()
    with a, b:
        a.sendall(b"x")
        b.recv(1)
        b.settimeout(0.01)
        try:
            b.recv(1)
        except TimeoutError:
            pass
        select.select([a, b], [a, b], [], 0)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    def serve():
        c, _ = listener.accept()
        with c:
            f = c.makefile("rwb")
            f.write(f.readline().upper())
            f.flush()
            f.close()
    t = threading.Thread(target=serve)
    t.start()
    with socket.create_connection(("127.0.0.1", port)) as c:
        c.sendall(b"hello\n")
        print(c.recv(100))
    t.join()
    listener.close()
    c = socket.socket()
    try:
        c.connect(("127.0.0.1", port))
    except ConnectionRefusedError:
        pass
    c.close()
    try:
        socket.getaddrinfo("nonexistent.invalid", 80)
    except socket.gaierror:
        pass
    s = socket.socket()  # dropped without close(): freed with its object
    del s
    gc.collect()


workout()  # the first round may open lasting descriptors (the service loop)
before = open_fds()
for _ in range(5):
    workout()
print("leaked:", open_fds() - before)
