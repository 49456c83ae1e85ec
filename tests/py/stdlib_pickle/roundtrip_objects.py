# Round trips of instances through every protocol: the reduce protocol hooks
# (__reduce__, __reduce_ex__, __getstate__/__setstate__, __getnewargs__,
# __getnewargs_ex__, __slots__), subclasses of builtins, shared and
# recursive structures, exceptions, and the bytes written for simple classes.
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self, a):
        self.a = a


class SlottedWithState(Slotted):
    def __getstate__(self):
        return {'a': self.a}

    def __setstate__(self, state):
        self.a = state['a'] * 10


class Counter:
    created = 0

    def __init__(self):
        Counter.created += 1
        self.items = []

    def __getstate__(self):
        return {'items': self.items, 'note': 'saved'}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


class Reduced:
    def __init__(self, *args):
        self.args = args

    def __reduce__(self):
        return (Reduced, self.args, {'extra': len(self.args)})


class ReducedEx:
    def __reduce_ex__(self, proto):
        return (str, ('made at protocol %d' % proto,))


class NewArgs:
    def __new__(cls, value):
        self = super().__new__(cls)
        self.value = value
        return self

    def __getnewargs__(self):
        return (self.value,)


class NewArgsKw:
    def __new__(cls, *, value):
        self = super().__new__(cls)
        self.kw = value
        return self

    def __getnewargs_ex__(self):
        return (), {'value': self.kw}


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


class MySet(set):
    pass


class AppError(Exception):
    pass


class Outer:
    class Inner:
        def __init__(self):
            self.z = 3


def show(label, value):
    print(label, type(value).__name__, value if not hasattr(value, '__dict__') else sorted(vars(value).items()))


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print('--- protocol', proto)
    p = pickle.loads(pickle.dumps(Point(1, [2, 3]), proto))
    print(p, p == Point(1, [2, 3]))

    s = pickle.loads(pickle.dumps(SlottedWithState(4), proto))
    print('slots with state', s.a, hasattr(s, 'b'))
    if proto >= 2:
        s = pickle.loads(pickle.dumps(Slotted(5), proto))
        print('slots', s.a, hasattr(s, 'b'))
    else:
        try:
            pickle.dumps(Slotted(5), proto)
        except TypeError as e:
            print('slots error:', e)

    Counter.created = 0
    c = Counter()
    c.items.append(proto)
    c2 = pickle.loads(pickle.dumps(c, proto))
    print('counter', c2.items, c2.note, c2.restored, 'inits:', Counter.created)

    r = pickle.loads(pickle.dumps(Reduced(1, 'two'), proto))
    print('reduced', r.args, r.extra)
    print('reduce_ex', pickle.loads(pickle.dumps(ReducedEx(), proto)))

    n = pickle.loads(pickle.dumps(NewArgs(42), proto))
    print('newargs', n.value)
    if proto >= 2:
        k = pickle.loads(pickle.dumps(NewArgsKw(value=7), proto))
        print('newargs_ex', k.kw)

    ml = MyList([1, 2])
    ml.tag = 'L'
    md = MyDict(a=1)
    md.tag = 'D'
    ms = MySet([3])
    ms.tag = 'S'
    out = pickle.loads(pickle.dumps([ml, md, MyInt(9), ms], proto))
    for item in out:
        print(' ', type(item).__name__, item if not isinstance(item, set) else sorted(item),
              getattr(item, 'tag', None))

    shared = [1]
    data = [shared, shared, (shared,)]
    back = pickle.loads(pickle.dumps(data, proto))
    print('shared', back, back[0] is back[1], back[2][0] is back[0])

    loop = [1]
    loop.append(loop)
    back = pickle.loads(pickle.dumps(loop, proto))
    print('recursive list', back[1] is back, len(back))
    d = {}
    d['self'] = d
    back = pickle.loads(pickle.dumps(d, proto))
    print('recursive dict', back['self'] is back)
    t_holder = []
    t = (t_holder, 5)
    t_holder.append(t)
    back = pickle.loads(pickle.dumps(t, proto))
    print('recursive tuple', back[0][0] is back, back[1])

    e = pickle.loads(pickle.dumps(AppError('bad', 2), proto))
    print('exception', type(e).__name__, e.args)
    ve = ValueError('v')
    ve.note = 'n'
    ve2 = pickle.loads(pickle.dumps(ve, proto))
    print('exception state', repr(ve2), ve2.note)
    print('nested class', pickle.loads(pickle.dumps(Outer.Inner, proto)) is Outer.Inner,
          pickle.loads(pickle.dumps(Outer.Inner(), proto)).z)
    g = pickle.loads(pickle.dumps([len, Point, show, type(None)], proto))
    print('globals', g[0], g[1], g[2] is show, g[3])
    print('builtins', pickle.loads(pickle.dumps([slice(1, None, 2), range(2, 9, 3), 3 - 4j,
                                                 bytearray(b'ab'), frozenset('a'), Ellipsis,
                                                 NotImplemented, b'\x00\xff'], proto)))

print(pickle.dumps(Point(1, 2), 0))
print(pickle.dumps(Point(1, 2), 2))
print(pickle.dumps(Point(1, 2)))
print(pickle.dumps(NewArgs(3), 2))
print(pickle.dumps(NewArgsKw(value=3), 4))
print(pickle.dumps(NewArgsKw(value=3), 2)[:40])
print(pickle.dumps(Slotted(1), 4))
print(pickle.dumps(MyList([1]), 3))
print(pickle.dumps(AppError('x'), 1))
print(pickle.dumps(Outer.Inner, 1))
