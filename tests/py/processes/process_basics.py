# multiprocessing.Process, exit codes, Queue and Pipe between processes.
from multiprocessing import Process, Queue, Pipe
import os
import sys


def calculate_squares(numbers):
    for n in numbers:
        n * n


def exits_with(code):
    sys.exit(code)


def produce(q, n):
    for i in range(n):
        q.put({'i': i, 'sq': i * i})
    q.put(None)


def echo(conn):
    msg = conn.recv()
    conn.send(('echo', msg))
    conn.close()


if __name__ == '__main__':
    p = Process(target=calculate_squares, args=(range(1000),))
    print(p.exitcode, p.is_alive())
    p.start()
    p.join()
    print(p.exitcode, p.is_alive(), p.pid != os.getpid())
    p = Process(target=exits_with, args=(3,))
    p.start(); p.join()
    print(p.exitcode)
    q = Queue()
    p = Process(target=produce, args=(q, 3))
    p.start()
    got = []
    while True:
        item = q.get()
        if item is None:
            break
        got.append(item)
    p.join()
    print(got)
    parent, child = Pipe()
    p = Process(target=echo, args=(child,))
    p.start()
    parent.send([1, 2.5, "three", (4,), None, True])
    print(parent.recv())
    p.join()
    print(p.exitcode)
