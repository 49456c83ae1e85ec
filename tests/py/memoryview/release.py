# release(), the context manager, and bytearray exports.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


m = memoryview(b'xy')
m.release()
m.release()
t(lambda: m[0])
t(lambda: len(m))
t(lambda: m.tobytes())
t(lambda: m.tolist())
t(lambda: m.hex())
t(lambda: m.obj)
t(lambda: m.nbytes)
t(lambda: m.readonly)
t(lambda: m.format)
t(lambda: m.shape)
t(lambda: m.cast('B'))
t(lambda: m == m)
t(lambda: m == b'xy')
t(lambda: m != b'xy')
t(lambda: bytes(m))
t(lambda: memoryview(m))
t(lambda: m.__enter__())
t(lambda: b''.join([m]))
t(lambda: hash(m))
print(repr(m).startswith('<released memory at 0x'))

ba = bytearray(b'hello')
mb = memoryview(ba)
t(lambda: ba.append(1))
t(lambda: ba.extend(b'a'))
t(lambda: ba.pop())
t(lambda: ba.remove(104))
t(lambda: ba.insert(0, 1))
t(lambda: ba.clear())


def resize_slice():
    ba[0:2] = b'xyz'


def same_size_slice():
    ba[0:2] = b'HE'


def delete_item():
    del ba[0]


def delete_slice():
    del ba[::2]


def inplace_add():
    global ba
    ba += b'!'


t(resize_slice)
t(same_size_slice)
t(delete_item)
t(delete_slice)
t(inplace_add)
print(ba, mb.tobytes())
ba[0] = 0x4a
print(mb[0])

# A slice keeps its own export: releasing the parent does not free it.
sub = mb[1:3]
mb.release()
t(lambda: ba.append(33))
print(sub.tobytes())
sub.release()
ba.append(33)
print(ba)

with memoryview(ba) as v:
    print(v[0], v.tobytes())
    t(lambda: ba.append(1))
t(lambda: v[0])
ba.append(63)
print(ba)

# Several views at once: the bytearray resizes only when all are gone.
v1, v2 = memoryview(ba), memoryview(ba)[2:]
del v1
t(lambda: ba.append(1))
del v2
ba.append(46)
print(ba)
