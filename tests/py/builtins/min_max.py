# min() and max(): positional and iterable forms, key, default, errors.
print(min(3, 1, 2), max(3, 1, 2))
print(min([5, 4, 6]), max((5, 4, 6)))
print(min('hello'), max('hello'))
print(min([1.5, 1, 2]), max([1, 1.5, True]))
print(max(['apple', 'fig', 'banana'], key=len))
print(min(['apple', 'fig', 'banana'], key=len))
print(max([], default='empty'), min((), default=None))
print(max([3, 1], default=0))
print(max(1, 2, key=lambda x: -x))
print(min([(2, 'b'), (1, 'z'), (1, 'a')]))
print(max(range(100)), min(range(5, 10)))
print(max([2**70, 3, -2**80]), min([2**70, 3, -2**80]))
# Ties keep the first item found.
print(max([(1, 'first'), (1, 'second')], key=lambda t: t[0]))
print(min([(1, 'first'), (1, 'second')], key=lambda t: t[0]))
print(max(1, 2, key=None))

def attempt(f, *args, **kwargs):
    try:
        print(f(*args, **kwargs))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

attempt(min)
attempt(max)
attempt(min, [])
attempt(max, iter([]))
attempt(min, 1)
attempt(max, 1, 2, default=3)
attempt(min, [1, 2], foo=3)
attempt(max, [1, 'a'])
attempt(min, [1, 2], key=5)
