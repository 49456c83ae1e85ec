# memoryview's error messages, as CPython 3.11's.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


m = memoryview(b'abcdef')
mb = memoryview(bytearray(b'hello'))
t(lambda: memoryview('x'))
t(lambda: memoryview(1))
t(lambda: memoryview())
t(lambda: memoryview(b'a', b'b'))
t(lambda: m[10])
t(lambda: m[-10])
t(lambda: m['a'])
t(lambda: m[1.0])
t(lambda: m[1, 2])


def setitem(view, key, value):
    view[key] = value


def delitem(view, key):
    del view[key]


t(lambda: setitem(m, 0, 1))
t(lambda: delitem(mb, 0))
t(lambda: setitem(mb, 0, 256))
t(lambda: setitem(mb, 0, -1))
t(lambda: setitem(mb, 0, 'a'))
t(lambda: setitem(mb, 9, 1))
t(lambda: setitem(mb, slice(0, 2), b'xyz'))
t(lambda: setitem(mb, slice(0, 2), 5))
t(lambda: setitem(mb, 'k', 5))
t(lambda: hash(mb))
t(lambda: hash(m[:4].cast('I')))
t(lambda: m < m)
t(lambda: m <= b'x')
t(lambda: m.tobytes('X'))
t(lambda: m.tolist(1))
t(lambda: b''.join([m, 'x']))
