for i in range(3):
    pass
else:
    print("for else", i)
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
n = 0
while n < 5:
    n += 1
    if n % 2:
        continue
    print("even", n)
else:
    print("while else")
print(1 if n else 2, 0 or "x", 3 and 4, not n)
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 != 6)
print(x is None, x is not None, 3 in [1, 2, 3], 3 not in (1, 2))
if (m := x * 2) > 8:
    print("walrus", m)
i = 0
while True:
    i += 1
    if i > 3:
        break
print(i)
def early(v):
    if v:
        return "yes"
    return "no"
print(early(1), early(0))
big = 2 ** 100
print(big + 1, -big // 7, big % 1000, (1 << 70) >> 65)
print(7 // -2, -7 % 3, 2 ** -1, 10 / 4)
print(f"{x:>4}|{x!r}|{'s'!a}|{3.5:.3f}|{big:,}")
print(f"{'nested'}{{}}{x + 1}")
del x
try:
    print(x)
except NameError as e:
    print(e)
assert n == 5
try:
    assert n == 6, f"n is {n}"
except AssertionError as e:
    print("AssertionError:", e)
