# Function calls: positional, default and keyword arguments, and a closure.
import time


def add(a, b):
    return a + b


def with_default(a, b=1):
    return a + b


def make_adder(k):
    def adder(x):
        return x + k
    return adder


def work(n):
    inc = make_adder(3)
    s = 0
    for i in range(n):
        s = add(s, i)
        s = with_default(s)
        s = with_default(s, b=2)
        s = inc(s)
    return s


start = time.perf_counter()
work(5_000_000)
print("elapsed", time.perf_counter() - start)
