import time
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
s = 0
for i in range(10000):
    s += i
t1 = time.time()
m1 = time.monotonic()
p1 = time.perf_counter()
print(type(t0).__name__, t0 > 1.6e9, t1 >= t0)
print(m1 >= m0, p1 >= p0, p1 - p0 < 5)
print(type(time.time_ns()).__name__, time.time_ns() > 1.6e18)
print(type(time.perf_counter_ns()).__name__, type(time.monotonic_ns()).__name__)
print(s)
