# memoryview odds and ends: operators, containers, hashing, subclassing.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
def sub():
    class M(memoryview): pass
t(sub)
m = memoryview(b'abc')
t(lambda: bool(m))
t(lambda: bool(m[:0]))
t(lambda: m + b'')
t(lambda: m * 2)
t(lambda: -m)
t(lambda: m in [b'abc'])
t(lambda: b'abc' in [m])
t(lambda: {m: 1}[b'abc'])
t(lambda: hash(m.cast('c')) == hash(b'abc'))
t(lambda: 98 in m)
t(lambda: m.index(98) if hasattr(m, 'index') else 'noindex')
t(lambda: m.count(98) if hasattr(m, 'count') else 'nocount')
t(lambda: list(reversed(m)))
t(lambda: m.__len__())
t(lambda: type(m).__module__)
t(lambda: memoryview.__doc__[:40])
t(lambda: str(m, 'utf-8'))
t(lambda: bytearray(b'xyz').find(m[1:2]))
t(lambda: m.tobytes(order=None))
t(lambda: memoryview(bytearray(b'ab')).tolist() == [97, 98])
t(lambda: m.__eq__(b'abc'))
t(lambda: m.__ne__(5))
t(lambda: memoryview(m).tobytes())
t(lambda: m.release() or m.release() or 'ok')
class B(bytearray): pass
b = B(b'q')
t(lambda: memoryview(b).obj is b)
t(lambda: b.append(1))
t(lambda: '%s' % memoryview(b'a')[:0] and 'x')
t(lambda: b'%b' % memoryview(b'zz'))
t(lambda: bytes(memoryview(b'ab').cast('B', [2])))
for f in (lambda: m + b'', lambda: m % (), lambda: m * 2, lambda: 2 * m, lambda: b'x' + m,
          lambda: bytearray(b'x') + m):
    t(f)
