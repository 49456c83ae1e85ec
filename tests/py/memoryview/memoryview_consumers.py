# Code that takes a view as a bytes-like argument: bytes(), bytearray(),
# tobytes(), int.from_bytes(), b''.join, bytearray slice assignment and
# struct. Contiguous views are read in place, strided ones copied, released
# ones refused; each case must match CPython.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


raw = bytes(range(1, 13))
views = {
    'whole': memoryview(raw),
    'slice': memoryview(raw)[2:7],
    'empty': memoryview(raw)[5:5],
    'step': memoryview(raw)[::3],
    'back': memoryview(raw)[::-1],
    'rw': memoryview(bytearray(raw))[1:5],
    'H': memoryview(raw).cast('H'),
    'I-slice': memoryview(raw).cast('I')[1:],
    'I-step': memoryview(raw).cast('I')[::2],
    'c': memoryview(raw).cast('c')[:3],
}
released = memoryview(raw)
released.release()
views['released'] = released

for name, v in views.items():
    print('--', name)
    t(lambda: bytes(v))
    t(lambda: bytearray(v))
    t(lambda: v.tobytes())
    t(lambda: int.from_bytes(v, 'little'))
    t(lambda: int.from_bytes(v, 'big', signed=True))
    t(lambda: b''.join([v, b'|', v]))
    t(lambda: b'-'.join((v,)))
    t(lambda: bytearray(b'<>').join([v]))
    t(lambda: b'ab' + v)
    t(lambda: bytearray(b'ab') + v)
    t(lambda: len(bytes(v)) == len(v) * (v.itemsize if not v.obj is None else 1))

# bytearray slice assignment from views, including views of itself.
for name in ['slice', 'step', 'back', 'H', 'empty', 'released']:
    ba = bytearray(b'0123456789')
    def assign():
        ba[2:4] = views[name]
        return ba
    t(assign)
ba = bytearray(b'0123456789')
m = memoryview(ba)
t(lambda: ba.__setitem__(slice(0, 3), m[5:8]))
print(ba)
t(lambda: ba.__setitem__(slice(0, 3), m[5:9]))
del m
# The temporary view of ba is alive during the assignment: no resizing.
t(lambda: ba.__setitem__(slice(0, 3), memoryview(ba)[5:9]))
ba[0:3] = bytes(memoryview(ba)[5:9])
print(ba)

# Subclasses and objects with __bytes__ still take the general path.
class B(bytes):
    pass


class BA(bytearray):
    pass


class WithBytes:
    def __bytes__(self):
        return b'from __bytes__'


print(type(B(memoryview(b'xy'))), B(memoryview(b'xy')), BA(memoryview(b'xy')))
print(bytes(WithBytes()), bytes(BA(b'sub')), bytearray(B(b'sub')))
t(lambda: bytes(memoryview(b'ab'), 'ascii'))
t(lambda: bytearray(memoryview(b'ab'), errors='strict'))
t(lambda: bytes(source=memoryview(b'kw')))
t(lambda: int.from_bytes(bytes=memoryview(b'\x01\x02'), byteorder='big'))
t(lambda: int.from_bytes(memoryview(b'\x01\x02'), 'middle'))
t(lambda: int.from_bytes([1, 2, 300], 'big'))
t(lambda: int.from_bytes('ab', 'big'))
t(lambda: int.from_bytes(iter(memoryview(b'\x01\x02')), 'big'))
t(lambda: bool.from_bytes(memoryview(b'\x00\x01'), 'big'))
ba = bytearray(b'keep')
ba.__init__(memoryview(b'replaced'))
print(ba)
ba.__init__(b'')
print(ba, len(ba))

# join remembers the first pieces between its sizing and copying passes;
# lists longer than that, and errors past it, must come out the same.
pieces = [b'a', bytearray(b'bc'), memoryview(b'def'), memoryview(b'xghx')[1:3], b'']
for n in [0, 1, 2, 7, 8, 9, 10, 25]:
    items = [pieces[i % len(pieces)] for i in range(n)]
    print(n, b''.join(items), b', '.join(items), bytearray(b'/').join(tuple(items)))
bad = [b'x'] * 12
for where in [0, 7, 8, 11]:
    broken = list(bad)
    broken[where] = 'str'
    t(lambda: b'-'.join(broken))
broken = list(bad)
broken[9] = memoryview(b'abcd')[::2]
t(lambda: b''.join(broken))
t(lambda: b''.join(iter(bad)))
