# String building and methods: join, split, replace, find, format, slicing.
import time


def work(n):
    total = 0
    for i in range(n):
        s = "item-%d" % i
        parts = ("a,b,c," + s).split(",")
        joined = "|".join(parts)
        up = joined.upper().replace("ITEM", "x")
        total += len(up) + up.find("x") + len(f"{i:>8}") + len(s[2:-1])
        if s.startswith("item-1"):
            total += 1
    return total


start = time.perf_counter()
work(1_000_000)
print("elapsed", time.perf_counter() - start)
