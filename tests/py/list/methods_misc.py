l = [1, 2, 3]
l.reverse()
print(l)
c = l.copy()
c.append(0)
print(l, c)
print(min(l), max(l), sum(l), sorted(l, reverse=True))
l2 = [[1], [2]]
shallow = l2.copy()
shallow[0].append(5)
print(l2)
print([1, 2, 3].index(3), [].count(0))
try:
    [1].index(2)
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1].remove(5)
except ValueError as e:
    print(e)
try:
    [1, 2][5]
except IndexError as e:
    print(e)
try:
    l = [1]
    l[3] = 0
except IndexError as e:
    print(e)
