# The clocks move forward and agree with their _ns twins.
import time

a = time.monotonic()
b = time.monotonic()
print(b >= a, type(a).__name__)
n1 = time.monotonic_ns()
time.sleep(0.01)
n2 = time.monotonic_ns()
print(type(n1).__name__, n2 - n1 >= 10_000_000)
print(abs(time.time() - time.time_ns() / 1e9) < 1.0)
print(time.perf_counter() <= time.perf_counter())
print(time.process_time() >= 0, time.thread_time() >= 0, time.process_time_ns() >= 0)
print(time.time() > 1.6e9)
print(isinstance(time.timezone, int), isinstance(time.daylight, int), len(time.tzname))
print(abs(time.mktime(time.localtime(1000000)) - 1000000) < 1)
print(len(time.ctime()) == 24, time.localtime().tm_year >= 2024)
