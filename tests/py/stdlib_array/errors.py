# array's error messages, which follow CPython's order of checks.
from array import array as A


def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print('ok', r)


# Each integer typecode at and beyond its range.
values = [2**70, -2**70, 2**64, 2**64 - 1, 2**63, 2**63 - 1, -2**63, -2**63 - 1, 2**32, 2**32 - 1,
          2**31, -2**31, -2**31 - 1, 2**16, 2**16 - 1, 2**15, -2**15 - 1, 256, 255, 128, -128,
          -129, -1, 0, True, 1.5, '1', None]
for tc in 'bBhHiIlLqQ':
    for v in values:
        attempt(A, tc, [v])
for tc in 'fd':
    for v in [1, 2**2000, '1', None, 1.5]:
        attempt(A, tc, [v])
for v in ['a', 'ab', '', 1, b'a']:
    attempt(A, 'u', [v])

# Construction.
for args in [('x',), ('ii',), (1,), ('',), ('b', 'abc'), ('u', b'abc'), ('i', b'abc'),
             ('b', A('u', 'x')), ('i', 5), ('i', [1, 'x']), ('i', [1], 2)]:
    attempt(A, *args)
try:
    A('i', initializer=[1])
except TypeError as e:
    print('TypeError:', e)

a = A('i', [1, 2, 3])
attempt(lambda: a[3])
attempt(lambda: a[-4])
attempt(lambda: a['x'])
attempt(lambda: a[1.0])
def setitem(k, v):
    a[k] = v
def delitem(k):
    del a[k]
attempt(setitem, 3, 1)
attempt(setitem, 'x', 1)
attempt(setitem, 0, 'x')
attempt(setitem, 0, 2**40)
attempt(setitem, slice(0, 1), [1])
attempt(setitem, slice(0, 1), A('b', [1]))
attempt(setitem, slice(None, None, 2), A('i', [1, 2, 3]))
attempt(delitem, 3)
attempt(delitem, 'x')
print(a)

attempt(a.pop, 5)
attempt(A('i').pop)
attempt(a.pop, 'x')
attempt(a.remove, 9)
attempt(a.index, 9)
attempt(a.index, 1, 1)
attempt(a.index)
attempt(a.insert, 1)
attempt(a.insert, 'x', 1)
attempt(a.count)
attempt(a.append, 'x')
attempt(a.extend, 5)
attempt(a.extend, A('b'))
attempt(a.extend, [4, 'x'])
print(a)
attempt(a.fromlist, (1,))
attempt(a.fromlist, [5, 6, 'x'])
print(a)
attempt(a.frombytes, b'abc')
attempt(a.frombytes, 'abc')
attempt(a.tounicode)
attempt(a.fromunicode, 'x')
attempt(A('u').fromunicode, 5)
attempt(a.byteswap, 1)
attempt(a.tofile, 5)
attempt(a.fromfile, 5, 1)
attempt(lambda: a + [1])
attempt(lambda: a + A('b'))
attempt(lambda: [1] + a)
attempt(lambda: a * 'x')
attempt(lambda: a * 1.5)
def iadd(o):
    b = A('i')
    b += o
attempt(iadd, [1])
attempt(iadd, A('d'))
attempt(lambda: a < 1)
attempt(lambda: a < [1])
attempt(hash, a)
print(a)
