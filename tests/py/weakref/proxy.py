# weakref.proxy: forwarding of attributes and operators, callable proxies,
# and ReferenceError once the referent is gone.
import re
import weakref


def shape(text):
    return re.sub(r'0x[0-9a-f]+', 'ADDR', text)


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return 'Vec%r' % (tuple(self.xs),)

    def __str__(self):
        return 'vec of %d' % len(self.xs)

    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])

    def __radd__(self, other):
        return 'radd(%r)' % (other,)

    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])

    def __iadd__(self, other):
        self.xs = [a + b for a, b in zip(self.xs, other.xs)]
        return self

    def __neg__(self):
        return Vec(*[-a for a in self.xs])

    def __abs__(self):
        return sum(abs(a) for a in self.xs)

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __delitem__(self, i):
        del self.xs[i]

    def __contains__(self, v):
        return v in self.xs

    def __iter__(self):
        return iter(self.xs)

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __lt__(self, other):
        return self.xs < other.xs

    def __bool__(self):
        return any(self.xs)

    def __int__(self):
        return len(self.xs)

    def __float__(self):
        return float(sum(self.xs))

    def __index__(self):
        return 2

    def __bytes__(self):
        return bytes(self.xs)

    def __reversed__(self):
        return reversed(self.xs)

    def total(self):
        return sum(self.xs)


v = Vec(1, 2, 3)
p = weakref.proxy(v)
print(type(p).__name__, weakref.proxy(v) is p, callable(p))
print(p.xs, p.total(), repr(p) == shape(repr(p)) or shape(repr(p)), str(p))
print(p + Vec(1, 1, 1), p * 2, 5 + p, -p, abs(p))
print(Vec(0, 0, 1) + p)
print(len(p), p[0], p[-1], 2 in p, 9 in p, list(p), list(reversed(p)))
p[0] = 10
del p[2]
print(v, bool(p), int(p), float(p), [0, 1, 2, 3][p], bytes(p))
p.extra = 'attr'
print(v.extra, hasattr(p, 'extra'))
del p.extra
print(hasattr(v, 'extra'))
print(p == Vec(10, 2), p == v, p != v, p < Vec(11), p.__class__.__name__)
try:
    hash(p)
except TypeError as e:
    print('TypeError:', e)
q = p
q += Vec(1, 1)
print(v, type(q).__name__)
it = weakref.proxy(iter([1, 2, 3]))
print(next(it), next(it), list(it))
try:
    next(weakref.proxy(v))
except TypeError as e:
    print('TypeError:', e)
print(shape(repr(p)))


def greet(name, punct='!'):
    return 'hello ' + name + punct

cp = weakref.proxy(greet)
print(type(cp).__name__, callable(cp), cp('you'), cp('you', punct='?'), cp.__name__)
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
print(weakref.getweakrefcount(v), weakref.getweakrefs(v)[0] is p)
r = weakref.ref(v)
print(weakref.getweakrefs(v) == [r, p])

calls = []
p2 = weakref.proxy(v, lambda pr: calls.append(type(pr).__name__))
print(p2 is not p)
del v, q
print(calls)
for action in [lambda: p.xs, lambda: len(p), lambda: p + 1, lambda: str(p), lambda: bool(p),
               lambda: p[0], lambda: setattr(p, 'a', 1), lambda: iter(p), lambda: p == 1]:
    try:
        action()
    except ReferenceError as e:
        print('ReferenceError:', e)
print(shape(repr(p)))
del greet
try:
    cp('x')
except ReferenceError as e:
    print('ReferenceError:', e)
try:
    weakref.ProxyType()
except TypeError as e:
    print('TypeError')
