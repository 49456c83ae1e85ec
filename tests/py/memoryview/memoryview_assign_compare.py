# Slice assignment into a view and == between views and bytes-likes: the
# contiguous cases take one memmove / memcmp, strided or mixed-format ones
# go item by item; both must agree with CPython, errors included.


def t(f):
    try:
        r = f()
        print(repr(r) if r is not None else 'ok')
    except Exception as e:
        print(type(e).__name__ + ":", e)


def fresh():
    ba = bytearray(b'abcdefghij')
    return ba, memoryview(ba)


src = memoryview(b'0123456789')

# Sources of every kind, contiguous and strided, into contiguous and
# strided targets.
cases = [
    (slice(0, 3), b'XYZ'),
    (slice(0, 3), bytearray(b'XYZ')),
    (slice(0, 3), src[:3]),
    (slice(0, 3), src[:9:3]),
    (slice(0, 3), src[::-4]),
    (slice(0, 6, 2), b'XYZ'),
    (slice(0, 6, 2), src[1:8:3]),
    (slice(None, None, -1), src),
    (slice(9, None, -3), src[:4]),
    (slice(2, 2), b''),
    (slice(5, 1), src[:0]),
]
for key, value in cases:
    ba, m = fresh()
    m[key] = value
    print(key, ba)

# Overlapping windows of the same buffer, both directions.
ba, m = fresh()
m[2:8] = m[0:6]
print(ba)
ba, m = fresh()
m[0:6] = m[2:8]
print(ba)
ba, m = fresh()
m[::2] = m[1::2]
print(ba)
ba, m = fresh()
m[::-1] = m
print(ba)

# Items wider than a byte: the same format is required, not the same size.
words = bytearray(16)
mi = memoryview(words).cast('i')
mi[1:3] = memoryview(bytearray(b'\x01\x00\x00\x00\x02\x00\x00\x00')).cast('i')
print(mi.tolist())
mi[::2] = memoryview(bytearray(b'\x05\x00\x00\x00\x06\x00\x00\x00')).cast('i')
print(mi.tolist())
ba, m = fresh()
t(lambda: m.__setitem__(slice(0, 4), mi[:1]))
t(lambda: mi.__setitem__(slice(0, 1), b'abcd'))
t(lambda: mi.__setitem__(slice(0, 2), memoryview(bytearray(8)).cast('I')))

# Errors, in CPython's order of checks.
ba, m = fresh()
t(lambda: m.__setitem__(slice(0, 2), b'xyz'))
t(lambda: m.__setitem__(slice(0, 2), 'ab'))
t(lambda: m.__setitem__(slice(0, 2), [1, 2]))
t(lambda: m.__setitem__(slice(0, 2), None))
t(lambda: m.__delitem__(slice(0, 2)))
t(lambda: m.__setitem__('a', b'xy'))
t(lambda: m.__setitem__((1, 2), b'xy'))
t(lambda: m.__setitem__(slice(0, 4, 0), b'xy'))
dead = memoryview(b'ab')
dead.release()
t(lambda: m.__setitem__(slice(0, 2), dead))
t(lambda: memoryview(b'abc').__setitem__(slice(0, 2), b'xy'))
m.release()
t(lambda: m.__setitem__(slice(0, 2), b'xy'))
t(lambda: m.__setitem__(slice(0, 2), 'no'))
print(ba)

# Equality: views against bytes, bytearray, views and other objects.
v = memoryview(b'abcdef')
others = [b'abcdef', bytearray(b'abcdef'), b'abcdeg', b'abc', v, v[:], v[::1],
          memoryview(b'fedcba')[::-1], memoryview(b'aabbccddeeff')[::2], 'abcdef',
          [97, 98, 99, 100, 101, 102], None, 1]
for o in others:
    print(v == o, o == v, v != o, o != v)
print(v[1:3] == b'bc', b'bc' == v[1:3], v[::2] == b'ace', v[::-2] == b'fdb')
print(v[:0] == b'', v[:0] == memoryview(b''), v[2:2] == v[4:4])
ints = memoryview(bytearray(b'\x01\x00\x00\x00\xff\xff\xff\xff')).cast('i')
print(ints == ints.cast('B').cast('i'), ints == memoryview(bytearray(8)).cast('i'))
print(ints.tolist(), memoryview(b'\x01\xff').cast('b') == memoryview(b'\x01\xff'),
      memoryview(b'\x01\x7f').cast('b') == memoryview(b'\x01\x7f'))
floats = memoryview(bytearray(8)).cast('d')
floats[0] = float('nan')
print(floats == floats, floats == floats[:], floats[:] == floats.toreadonly())
gone = memoryview(b'abcdef')
gone.release()
print(gone == v, v == gone, gone == gone, gone != b'abcdef')
t(lambda: v < b'abcdef')
t(lambda: v <= v)
