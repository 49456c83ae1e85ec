# memoryview over bytes and bytearray: attributes, indexing, slicing, copies.
m = memoryview(b'abcdef')
print(len(m), m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.suboffsets)
print(m.readonly, m.c_contiguous, m.f_contiguous, m.contiguous, type(m).__name__)
print(m[0], m[-1], m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m[4:1].tobytes())
print(m[::2].strides, m[::-2].strides, m[::2].contiguous, m[10:].nbytes)
print(m.tobytes(), m.tobytes('C'), m.tolist(), m[1:3].tolist(), list(m[:3]))
print(m.hex(), m.hex(':'), m.hex('-', 2), m[::2].hex(), m[::-1].hex(' ', -2))
print(bytes(m), bytearray(m[2:]), bytes(m[::-2]), str(m[:3], 'ascii'))
print(m == b'abcdef', b'abcdef' == m, m[1:3] == b'bc', m == bytearray(b'abcdef'), m == 'abcdef')
print(m != b'abcdex', m[::2] == memoryview(b'ace'), m == m, m[:0] == b'')
print(hash(m) == hash(b'abcdef'), hash(m[::2]) == hash(b'ace'))
print(m.obj, m[2:].obj is m.obj, memoryview(m).obj is m.obj)
ro = m.toreadonly()
print(ro.readonly, ro.tobytes())

ba = bytearray(b'hello world')
mb = memoryview(ba)
print(mb.readonly, mb.obj is ba, mb[1:].obj is ba)
mb[0] = 72
mb[6:11] = b'WORLD'
mb[1:5:2] = b'EL'
print(ba, mb[0], mb.tobytes())
ba[1] = 0x61
print(mb[1], bytes(mb[:5]))
sub = mb[6:]
sub[0] = ord('w')
print(ba)
mb[:2] = mb[2:4]
print(ba)
it = iter(m[:3])
print(type(it).__name__, next(it), list(it))
print(memoryview(b'') == b'', len(memoryview(b'')), memoryview(b'').tolist())
print(memoryview(object=b'xy').tobytes())
print(isinstance(m, memoryview), memoryview.__name__, repr(memoryview))
