# memoryview.cast() between byte formats and native item formats.
import sys


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


little = sys.byteorder == 'little'
raw = bytes(range(1, 9)) if little else bytes(range(8, 0, -1))
m = memoryview(raw)
for fmt in ('B', 'b', 'c', 'H', 'h', 'I', 'i', 'L', 'l', 'Q', 'q', 'N', 'n', '@B', '?'):
    v = m.cast(fmt)
    print(fmt, v.format, v.itemsize, len(v), v.nbytes, v.shape, v.strides, v.tolist()[:2])
t(lambda: m.cast('x'))
t(lambda: m.cast('<B'))
t(lambda: m[:3].cast('I'))
t(lambda: m[:4].cast('I').cast('H'))
t(lambda: m[::2].cast('B'))
t(lambda: m.cast(1))
t(lambda: m.cast('B', [7]))
t(lambda: m.cast('I', [2]).tolist() == m.cast('I').tolist())
t(lambda: m.cast('I').cast('B').tobytes() == raw)
t(lambda: m.cast('c')[0])
t(lambda: m.cast('b')[-1])

buf = bytearray(16)
ints = memoryview(buf).cast('i')
ints[0] = -5
ints[1] = 2 ** 31 - 1
ints[2:4] = memoryview(bytearray(8)).cast('i')
t(lambda: ints.tolist())


def store(view, i, v):
    view[i] = v


t(lambda: store(ints, 0, 2 ** 31))
t(lambda: store(ints, 0, 1.5))
t(lambda: store(ints, slice(0, 2), b'\x00' * 8))
doubles = memoryview(bytearray(16)).cast('d')
doubles[0] = 1
doubles[1] = -2.5
print(doubles.tolist(), doubles == [1.0, -2.5], doubles.tolist() == [1.0, -2.5])
t(lambda: store(doubles, 0, 'x'))
chars = memoryview(bytearray(3)).cast('c')
chars[0] = b'a'
t(lambda: store(chars, 1, b'bc'))
t(lambda: store(chars, 2, 5))
print(chars.tolist(), chars.tobytes())
u64 = memoryview(bytearray(8)).cast('Q')
u64[0] = 2 ** 64 - 1
print(u64[0], u64.tobytes())
t(lambda: store(u64, 0, 2 ** 64))
t(lambda: store(u64, 0, -1))
bools = memoryview(bytearray(b'\x00\x01\x02')).cast('?')
print(bools.tolist())
# Equality compares item values, so formats can differ.
a = memoryview(bytes([1, 2, 255])).cast('B')
b = memoryview(bytes([1, 2, 255])).cast('b')
print(a == b, a[:2] == b[:2], a.tolist(), b.tolist())
