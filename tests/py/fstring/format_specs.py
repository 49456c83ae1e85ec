x = 3.14159
n = 1234567
s = "hi"
print(f"{x:.2f}|{x:8.3f}|{x:<8.1f}|{x:e}")
print(f"{n:,}|{n:_}|{n:>12,}|{n:x}|{n:#o}|{n:b}")
print(f"{s:>5}|{s:<5}|{s:^6}|{s:*^6}|{s!r:>6}")
w, p = 10, 3
print(f"{x:{w}.{p}f}|{x:{w}}|")
print(f"{-5:05d}|{5:+d}|{5: d}|{0.5:.0%}")
print(f"{True}|{None}|{[1, 2]!r}")
