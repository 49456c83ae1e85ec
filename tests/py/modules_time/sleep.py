import time
start = time.perf_counter()
time.sleep(0.05)
elapsed = time.perf_counter() - start
print(elapsed >= 0.04, elapsed < 2)
time.sleep(0)
print("slept")
