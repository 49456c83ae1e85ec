print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)))
r = range(3, 30, 4)
print(r, len(r), r[0], r[-1], r[2:4], r[::-1], 11 in r, 12 in r)
print(r.index(15), r.count(7), range(5) == range(0, 5), range(0) == range(2, 2))
print(range(1, 10, 2)[1:3], list(range(-5, 5, 2)), len(range(10 ** 6)), range(10 ** 20)[-1])
print(range(0, -10, -1)[3], sum(range(101)), max(range(7)), list(reversed(range(4))))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(5)[10]
except IndexError as e:
    print(e)
print(repr(range(0, 5, 1)), range(-3, 3))
