# N request/reply round trips to a local server that answers each request
# DELAY seconds after it arrives: one after another, one thread each (the
# socket module) and one coroutine each (asyncio.open_connection), next to
# the ideal. Runs unchanged under gilpy and CPython; a variant whose module
# is not available yet is reported as unavailable, never estimated.
#
# The server runs in this process on its own threads: an accept loop and a
# thread per connection that reads one line, sleeps DELAY and echoes it. Its
# sleeps overlap whatever the clients do, so the measured time is the
# clients' ability to wait on N sockets at once.
#
# Usage: overlap_network.py [N] [DELAY]       (default 20 0.2)
import asyncio
import sys
import threading
import time

from overlap_sleep import measure, report


class SlowServer:
    """A line echo server on 127.0.0.1 that replies [delay] seconds late."""

    def __init__(self, delay):
        import socket
        self.delay = delay
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(('127.0.0.1', 0))
        self.sock.listen(128)
        self.port = self.sock.getsockname()[1]
        self.handlers = []
        self.acceptor = threading.Thread(target=self._accept, daemon=True)
        self.acceptor.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return  # closed
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            # Started before it is listed: close() may join the list at any time.
            t.start()
            self.handlers.append(t)

    def _serve(self, conn):
        with conn:
            data = b''
            while not data.endswith(b'\n'):
                chunk = conn.recv(1024)
                if not chunk:
                    return
                data += chunk
            time.sleep(self.delay)
            conn.sendall(data)

    def close(self):
        # A last connection wakes the accept loop so that it sees the close.
        import socket
        self.sock.close()
        try:
            socket.create_connection(('127.0.0.1', self.port), timeout=0.5).close()
        except OSError:
            pass
        for t in self.handlers:
            t.join()


def round_trip(port, i):
    import socket
    with socket.create_connection(('127.0.0.1', port)) as s:
        msg = b'request %d\n' % i
        s.sendall(msg)
        reply = b''
        while not reply.endswith(b'\n'):
            chunk = s.recv(1024)
            if not chunk:
                break
            reply += chunk
    return reply == msg


def timed(variant, n, delay):
    server = SlowServer(delay)
    try:
        start = time.perf_counter()
        ok = variant(server.port, n)
        elapsed = time.perf_counter() - start
    finally:
        server.close()
    if not all(ok) or len(ok) != n:
        raise RuntimeError('wrong replies')
    return elapsed


def sequential(port, n):
    return [round_trip(port, i) for i in range(n)]


def threads(port, n):
    ok = [False] * n

    def worker(i):
        ok[i] = round_trip(port, i)
    workers = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return ok


def coroutines(port, n):
    if not hasattr(asyncio, 'open_connection'):
        raise ImportError('asyncio.open_connection is not available yet')

    async def one(i):
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        msg = b'request %d\n' % i
        writer.write(msg)
        await writer.drain()
        reply = await reader.readline()
        writer.close()
        await writer.wait_closed()
        return reply == msg

    async def all_trips():
        return await asyncio.gather(*(one(i) for i in range(n)))
    return list(asyncio.run(all_trips()))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.2
    results = [('sequential', measure(timed, sequential, n, delay)),
               ('threads', measure(timed, threads, n, delay)),
               ('coroutines', measure(timed, coroutines, n, delay))]
    report('%d socket round trips, replies %g s late, on %s %s'
           % (n, delay, sys.implementation.name, sys.version.split()[0]), results, n, delay)


if __name__ == '__main__':
    main()
