for i in range(3):
    pass
print(i)
for ch in "xyz":
    last = ch
print(ch, last)
total = 0
for a, b in zip(range(3), range(10, 13)):
    total += a * b
print(total)
x = [1, 2, 3]
for x[0] in range(5, 7):
    pass
print(x)
