def sign(x):
    return "+" if x > 0 else "-" if x < 0 else "0"
print([sign(v) for v in (-2, 0, 9)])
x = 5
y = (x > 3) and "big" or "small"
print(y)
print([i for i in range(10) if i % 2 == 0 if i > 2])
print(*(("even" if i % 2 == 0 else "odd") for i in range(3)))
