# Big int times one-digit factor, around the lengths where the multiply
# splits into side-by-side carry chains, checked against divmod and shifts.
import math

sizes = [1, 2, 3, 31, 32, 33, 34, 35, 36, 63, 64, 65, 127, 128, 129, 130, 131, 1000, 1003]
factors = [1, 2, 3, 7, 2**29 + 11, 2**30 - 1, 2**30 - 3]
bad = 0
for n in sizes:
    full = (1 << (30 * n)) - 1          # every digit all ones: carries everywhere
    sparse = 1 << (30 * n - 1) | 12345   # long runs of zero digits
    for f in factors:
        for a in (full, sparse, -full):
            p = a * f
            q, r = divmod(p, f)
            if q != a or r != 0 or f * a != p or (p >> 1) != (a * f) // 2:
                bad += 1
    print(n, hex(full * (2**30 - 1))[-12:], hex(sparse * 3)[:14])
print("mismatches", bad)
print(math.factorial(2000) % (10**30 + 7), len(hex(math.factorial(2000))))
f = 1
for i in range(2, 1500):
    f *= i
print(f == math.factorial(1499), f % 1_000_003)
