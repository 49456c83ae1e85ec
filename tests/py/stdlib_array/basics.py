# array.array against CPython: construction from every kind of initializer,
# item access, slicing with and without steps, the list-like methods, the
# operators, comparisons and repr.
import array
from array import array as A

print(array.typecodes, array.ArrayType is A, A.__name__, A.__module__)
for tc in array.typecodes:
    a = A(tc)
    print(tc, a.typecode, a.itemsize, repr(a), len(a))

# Initializers: list, tuple, range, generator, bytes, str, another array.
print(A('i', [1, 2, 3]), A('d', (1, 2.5)), A('h', range(-2, 3)), A('B', (x * x for x in range(4))))
print(A('b', b'\x01\xff'), A('H', bytearray(b'\x01\x00\x02\x00')), A('u', 'h\u00e9\u20ac\U0001f600'))
print(A('q', A('b', [1, -2])), A('f', A('i', [3])), A('u', A('u', 'xy')))
print(A('l', [-2**63, 2**63 - 1]), A('L', [2**64 - 1]), A('Q', [2**64 - 1]), A('I', [2**32 - 1]))
print(A('f', [0.1, 1e300, -1e300, float('inf')]), A('d', [0.1, -0.0, float('nan')]))
print(A('u', 'a\'b"'), A('u', ''), A('b', []), A('i', None) if False else A('i'))

# Indexing and slices.
a = A('i', range(10))
print(a[0], a[-1], a[3:7], a[::3], a[::-2], a[7:2:-2], a[100:], a[-100:2])
a[0] = -1
a[-1] = 99
print(a)
a[2:5] = A('i', [20, 30])
print(a)
a[1:1] = A('i', [7, 7, 7])
print(a)
a[::2] = A('i', range(len(a[::2])))
print(a)
a[:] = a
print(a)
a[2:4] = a
print(a, len(a))
del a[0]
del a[-1]
print(a)
del a[::3]
print(a)
del a[5:1:-2]
print(a)
del a[2:4]
print(a)
del a[::-1]
print(a)

# Methods.
b = A('h', [5, 1, 4])
b.append(2)
b.extend([8, 9])
b.extend(A('h', [0]))
b.extend(x for x in (6,))
b.insert(0, 100)
b.insert(-1, 200)
b.insert(1000, 300)
b.insert(-1000, 400)
print(b, b.pop(), b.pop(0), b.pop(-2), b)
print(b.index(1), b.index(4, 2), b.count(1), b.count(77))
b.remove(5)
b.reverse()
print(b, b.tolist(), 4 in b, 77 in b, 4.0 in b)
b.fromlist([11, 12])
print(b, b.tobytes()[:4])
c = A('i')
c.frombytes(b'\x01\x00\x00\x00\x02\x00\x00\x00')
c.frombytes(A('b', [3, 0, 0, 0]))
c.frombytes(memoryview(b'\x04\x00\x00\x00'))
print(c, c.buffer_info()[1], len(c.tobytes()))
w = A('H', [1, 2, 0x1234])
w.byteswap()
print(w)
u = A('u', 'ab')
u.fromunicode('c\u00e9')
u.append('z')
print(u, u.tounicode(), u.tolist(), u.tobytes()[:8])
d = A('d', [1.5, 2])
d.append(3)
print(d, d[2], type(d[2]).__name__, d.tolist())

# Operators.
x = A('i', [1, 2])
y = A('i', [3])
print(x + y, x * 3, 3 * x, x * 0, x * -1, y * 1 is y)
x += y
print(x)
x += x
print(x)
x *= 2
print(x, len(x))
x *= 0
print(x)
z = A('b', [1])
z *= 3
print(z)

# Comparisons: item by item, across typecodes too.
print(A('i', [1, 2]) == A('i', [1, 2]), A('i', [1, 2]) != A('i', [1, 2]), A('b', [1]) == A('f', [1.0]))
print(A('i', [1, 2]) < A('i', [1, 3]), A('i', [1, 2]) < A('i', [1, 2, 0]), A('i', [2]) > A('d', [1.5, 9]))
print(A('i', [1, 2]) <= A('i', [1, 2]), A('i', []) >= A('i', []), A('u', 'ab') < A('u', 'b'))
print(A('i', [1, 2]) == [1, 2], A('d', [float('nan')]) == A('d', [float('nan')]))

# Iteration sees the array live, as a list iterator does.
it = iter(A('i', [1, 2, 3]))
print(next(it), list(it), list(it))
live = A('i', [1, 2])
seen = []
for v in live:
    seen.append(v)
    if v < 4:
        live.append(v + 2)
print(seen, live, list(reversed(live)), sorted(A('d', [3, 1, 2])), sum(A('B', [1, 2, 3])))

# Copies, subclasses.
import copy
src = A('i', [1, 2])
cp = copy.copy(src)
dc = copy.deepcopy(src)
cp.append(3)
print(src, cp, dc, cp is not src)
class Vec(A):
    def total(self):
        return sum(self)
v = Vec('d', [1, 2, 3.5])
print(v, v.total(), type(v[1:]).__name__, type(v + v).__name__, isinstance(v, A))
print(hasattr(A, "__class_getitem__"))
