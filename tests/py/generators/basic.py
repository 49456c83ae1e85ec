def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print("stopped")
print(list(count_up(5)), sum(count_up(101)))
print(next(count_up(0), "default"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
