# copy.copy / copy.deepcopy: identity of atoms, containers and their
# subclasses, memo sharing and cycles, __copy__/__deepcopy__, __reduce__ and
# __reduce_ex__ results of every shape, __getstate__/__setstate__, slots,
# bound methods, and the errors.
import copy


def same(a, b):
    return 'same' if a is b else 'new'


atoms = [None, 1, 2.5, 3j, True, 'text', b'bytes', range(3), len, copy.copy, int,
         Ellipsis, NotImplemented, property(lambda s: 1)]
print('copy atoms:', [same(copy.copy(a), a) for a in atoms])
print('deep atoms:', [same(copy.deepcopy(a), a) for a in atoms])
t1, t2 = (1, [2]), (1, 2, 'x')
print('tuples:', same(copy.copy(t1), t1), same(copy.deepcopy(t2), t2), same(copy.deepcopy(()), ()))
t = (1, [2])
dt = copy.deepcopy(t)
print('deep tuple with list:', same(dt, t), same(dt[1], t[1]), dt)
fs = frozenset([1, (2, 3)])
print('frozenset:', same(copy.copy(fs), fs), copy.deepcopy(fs) == fs)
sl1 = slice(1, 2)
print('slice:', same(copy.copy(sl1), sl1))
for original in ([1, [2]], {'a': [1]}, {1, 2}, bytearray(b'ab')):
    shallow, deep = copy.copy(original), copy.deepcopy(original)
    print(type(original).__name__, shallow == original, same(shallow, original), deep == original, same(deep, original))

# Shared references stay shared; cycles are rebuilt.
shared = [1]
pair = copy.deepcopy([shared, shared, (shared,)])
print('shared:', pair[0] is pair[1], pair[2][0] is pair[0], pair[0] is shared)
cyc = {'self': None}
cyc['self'] = cyc
c2 = copy.deepcopy(cyc)
print('dict cycle:', c2['self'] is c2, c2 is not cyc)
lst = [1]
tup = (lst,)
lst.append(tup)
l2 = copy.deepcopy(lst)
print('tuple cycle:', l2[1][0] is l2, type(l2[1]).__name__)
memo = {}
a = [1, 2]
first = copy.deepcopy(a, memo)
second = copy.deepcopy(a, memo)
print('memo reused:', first is second, id(a) in memo, first is not a)
memo = {}
copy.deepcopy((5, 'x', None), memo)
print('atoms not memoised:', len(memo))
memo = {}
copy.deepcopy([1], memo)
print('memo holds copy and keep-alive list:', len(memo), sorted(type(v).__name__ for v in memo.values()))


# Hooks.
class Hooked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print('  __copy__ called')
        return Hooked(self.v + [1])

    def __deepcopy__(self, memo):
        print('  __deepcopy__ called, memo is dict:', isinstance(memo, dict))
        return Hooked(copy.deepcopy(self.v, memo))


h = Hooked([1])
print(copy.copy(h).v, copy.deepcopy(h).v, copy.deepcopy(h).v is h.v)


class Plain:
    cls_attr = 'c'

    def __init__(self):
        self.items = [1, 2]
        self.name = 'p'


p = Plain()
p2, p3 = copy.copy(p), copy.deepcopy(p)
print(type(p2).__name__, p2.__dict__, p2.items is p.items, p3.items is p.items, p3.items == p.items)
empty = object.__new__(Plain)
print('empty instance:', copy.copy(empty).__dict__, copy.deepcopy(empty).__dict__)


class NoInit:
    def __init__(self, required):
        print('  __init__ should not run on copy')
        self.required = required


n = NoInit.__new__(NoInit)
n.required = 'r'
print(copy.copy(n).required, copy.deepcopy(n).required)


class Stateful:
    def __init__(self):
        self.v = [1]

    def __getstate__(self):
        return {'v': self.v, 'extra': 'from getstate'}

    def __setstate__(self, state):
        print('  setstate', sorted(state))
        self.__dict__.update(state)


s = Stateful()
sc, sd = copy.copy(s), copy.deepcopy(s)
print(sc.extra, sc.v is s.v, sd.v is s.v)


class OnlyGetstate:
    def __init__(self):
        self.a = 1

    def __getstate__(self):
        return {'a': self.a, 'b': 2}


print(copy.copy(OnlyGetstate()).__dict__)


class Slotted:
    __slots__ = ('a', 'b', '__private')

    def __init__(self):
        self.a = [1]
        self.__private = 'p'


sl = Slotted()
for fn in (copy.copy, copy.deepcopy):
    c = fn(sl)
    print(fn.__name__, c.a, c.a is sl.a, hasattr(c, 'b'), c._Slotted__private)


class SlotsAndDict(Slotted):
    __slots__ = ('c', '__dict__')


sd_obj = SlotsAndDict()
sd_obj.c = 'c'
sd_obj.free = 'f'
c = copy.deepcopy(sd_obj)
print('slots+dict:', c.a, c.c, c.free, c._Slotted__private)


class Reducer:
    def __init__(self, *args):
        self.args = args

    def __reduce__(self):
        return (Reducer, self.args, {'state': [1]})


r = Reducer(1, [2])
rc, rd = copy.copy(r), copy.deepcopy(r)
print('reduce:', rc.args, rc.args[1] is r.args[1], rd.args[1] is r.args[1], rc.state, rd.state)


class ReduceEx:
    def __reduce_ex__(self, protocol):
        print('  __reduce_ex__ protocol', protocol)
        return (ReduceEx, ())


print(type(copy.copy(ReduceEx())).__name__)


class ReduceString:
    def __reduce__(self):
        return 'global_name'


rs = ReduceString()
print('reduce str:', copy.copy(rs) is rs, copy.deepcopy(rs) is rs)


class ReduceItems(list):
    def __reduce__(self):
        return (ReduceItems, (), None, iter([[1], 2]), None)


ri = ReduceItems()
print('listitems:', copy.copy(ri), copy.deepcopy(ri), type(copy.deepcopy(ri)).__name__)


class ReduceDict(dict):
    def __reduce__(self):
        return (ReduceDict, (), {'attr': 'a'}, None, iter([('k', [1])]))


rdict = copy.deepcopy(ReduceDict())
print('dictitems:', rdict, rdict.attr)


class SlotState:
    __slots__ = ('x',)

    def __reduce__(self):
        return (SlotState, (), (None, {'x': 42}))


print('slot state:', copy.copy(SlotState()).x)


class WithSetstate:
    def __reduce__(self):
        return (WithSetstate, (), 'raw-state')

    def __setstate__(self, state):
        self.got = state


print('setstate raw:', copy.copy(WithSetstate()).got)


class BadReduce:
    def __reduce__(self):
        return 42


for fn in (copy.copy, copy.deepcopy):
    try:
        fn(BadReduce())
    except (copy.Error, TypeError) as e:
        print(fn.__name__, 'rejects a non-tuple reduce value:', type(e).__name__)


class EmptyReduce:
    def __reduce__(self):
        return ()


for fn in (copy.copy, copy.deepcopy):
    try:
        fn(EmptyReduce())
    except (copy.Error, TypeError) as e:
        print(fn.__name__, 'rejects an empty reduce tuple:', type(e).__name__)


# Subclasses of builtins keep type and attributes.
class MyList(list):
    pass


class MyDict(dict):
    pass


class MySet(set):
    pass


for obj in (MyList([1, [2]]), MyDict(a=[1]), MySet([1, 2])):
    obj.tag = 'tagged'
    for fn in (copy.copy, copy.deepcopy):
        c = fn(obj)
        print(fn.__name__, type(c).__name__, sorted(c) if isinstance(c, MySet) else c, c.tag)


# Bound methods: deepcopy copies the instance, copy keeps the method.
class Counter:
    def __init__(self):
        self.n = [0]

    def bump(self):
        self.n[0] += 1
        return self.n[0]


ctr = Counter()
m = copy.deepcopy(ctr.bump)
print('method:', m(), ctr.n, m.__self__ is not ctr, copy.copy(ctr.bump) == ctr.bump)

# Classes and functions are atomic, even for deepcopy.
print(copy.deepcopy(Counter) is Counter, copy.deepcopy(Counter.bump) is Counter.bump)
print(copy.Error.__name__, copy.error is copy.Error, issubclass(copy.Error, Exception), sorted(copy.__all__))
