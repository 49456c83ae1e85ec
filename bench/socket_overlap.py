"""100 threads each block in recv() on a socketpair until a writer sends.

Every reader waits about 0.2 s; the waits overlap, so the ideal wall time is
0.2 s whatever the number of threads. Prints the wall time beside the ideal,
and the latency from the send to the last reader waking. Runs unchanged
under CPython:  python3 bench/socket_overlap.py; build/gilpy bench/socket_overlap.py
"""
import socket
import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100
WAIT = 0.2
ROUNDS = 5


def one_round():
    pairs = [socket.socketpair() for _ in range(N)]
    started = threading.Barrier(N + 1)
    woke = [0.0] * N

    def reader(i, sock):
        started.wait()
        data = sock.recv(16)
        woke[i] = time.perf_counter()
        assert data == b"go"

    threads = [threading.Thread(target=reader, args=(i, p[1])) for i, p in enumerate(pairs)]
    for t in threads:
        t.start()
    started.wait()
    t0 = time.perf_counter()
    time.sleep(WAIT)
    sent = time.perf_counter()
    for a, _ in pairs:
        a.send(b"go")
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    for a, b in pairs:
        a.close()
        b.close()
    return wall, max(woke) - sent


def main():
    impl = sys.implementation.name
    results = [one_round() for _ in range(ROUNDS)]
    walls = sorted(r[0] for r in results)
    lags = sorted(r[1] for r in results)
    median = walls[len(walls) // 2]
    print(f"{impl}: {N} threads blocked in recv, {WAIT:.1f} s each: "
          f"wall {median:.3f} s (ideal {WAIT:.3f} s, x{median / WAIT:.2f}); "
          f"send -> last reader awake {lags[len(lags) // 2] * 1000:.1f} ms (median of {ROUNDS})")


main()
