def make_point(x, y):
    return (x, y)
p = make_point(3, 4)
x, y = p
print(p, x, y, p[0] * p[1])
points = [make_point(i, i * i) for i in range(4)]
print(points, [py for _, py in points])
print(sum(px for px, _ in points))
t = ((1, 2), (3, 4))
print([a + b for a, b in t], dict(t))
