# The buffer protocol: memoryview, bytes(), struct.pack_into, file I/O, and
# the rule that an array with exported buffers cannot change size.
import os
import struct
import tempfile
from array import array as A

a = A('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, len(m), m.nbytes, m.readonly, m.tolist(), m[1])
m[1] = 20
print(a, bytes(a)[:8], bytes(m[:1]))
try:
    a.append(4)
except BufferError as e:
    print('BufferError:', e)
try:
    a.pop()
except BufferError as e:
    print('BufferError:', e)
a[0] = 10  # same size: allowed
print(a)
m.release()
a.append(4)
print(a, len(bytes(a)))

with memoryview(A('d', [0.5, 1.5])) as md:
    print(md.format, md.tolist(), md.cast('B').nbytes)

b = A('B', [0] * 8)
struct.pack_into('<HI', b, 1, 0x0102, 0x03040506)
print(b, struct.unpack_from('<HI', b, 1), struct.unpack('<2I', A('I', [7, 8])))
print(bytearray(A('h', [1, -1])), b''.join([A('b', [65, 66]), b'C']), A('b', [104, 105]).tobytes().decode())
q = A('q')
print(bytes(q), memoryview(q).tolist(), len(memoryview(q)))

# tofile / fromfile.
fd, path = tempfile.mkstemp()
os.close(fd)
try:
    with open(path, 'wb') as f:
        A('H', range(5)).tofile(f)
        A('H').tofile(f)
    r = A('H')
    with open(path, 'rb') as f:
        r.fromfile(f, 3)
        print(r)
        try:
            r.fromfile(f, 5)
        except EOFError as e:
            print('EOFError:', e)
    print(r)
    with open(path, 'rb') as f:
        print(A('H', f.read()), A('b').itemsize)
    big = A('d', range(20000))
    with open(path, 'wb') as f:
        big.tofile(f)
    back = A('d')
    with open(path, 'rb') as f:
        back.fromfile(f, 20000)
    print(back == big, os.path.getsize(path))
    with open(path, 'rb') as f:
        try:
            back.fromfile(f, -1)
        except ValueError as e:
            print('ValueError:', e)
finally:
    os.unlink(path)

# Many appends and pops keep the contents right as the block grows and shrinks.
g = A('l')
for i in range(10000):
    g.append(i * 3)
print(len(g), g[9999], sum(g) == 3 * sum(range(10000)))
while len(g) > 3:
    g.pop()
print(g, g.buffer_info()[1])
