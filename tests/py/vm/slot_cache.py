# The __slots__ specialisations of LOAD_ATTR and STORE_ATTR: every site is
# warmed up in a loop first, so that it runs from its cache, and then the
# class or the instance is changed under it. Each read must still give what
# CPython gives: the new descriptor, the new class's field, the right
# AttributeError.


def get_a(o):
    return o.a


def set_a(o, v):
    o.a = v


def get_b(o):
    return o.b


def del_a(o):
    del o.a


def warm(o, n=5):
    for i in range(n):
        set_a(o, i)
        get_a(o)


def show_error(fn, *args):
    try:
        print("ok", fn(*args))
    except AttributeError as e:
        print(type(e).__name__, e)


class P:
    __slots__ = ("a", "b")


# Reads, writes and deletes through warm sites; an unset slot raises the
# same AttributeError whether the site is cold or warm.
p = P()
show_error(get_a, p)
warm(p)
print(get_a(p))
del_a(p)
show_error(get_a, p)
show_error(del_a, p)
set_a(p, "again")
print(get_a(p))
show_error(get_b, p)
p.b = [1, 2]
print(get_b(p))


# Inherited slots: the subclass's instances keep the base's field where the
# base put it, and the subclass's own slot after it.
class Q(P):
    __slots__ = ("c",)


q = Q()
warm(q)
q.b = "qb"
q.c = "qc"
print(get_a(q), get_b(q), q.c)
print(sorted(s for s in dir(q) if not s.startswith("__")))
print(get_a(p), get_a(q))


# A subclass without __slots__ has a __dict__ beside the inherited slots:
# the slot still wins over an instance-dict entry of the same name.
class D(P):
    pass


d = D()
warm(d)
d.__dict__["a"] = "from dict"
print(get_a(d), d.__dict__)
d.extra = 1
print(d.extra, get_a(d))


# Slots and '__dict__' in the same __slots__.
class E:
    __slots__ = ("a", "__dict__")


e = E()
warm(e)
e.other = 2
print(get_a(e), e.other, sorted(e.__dict__))


# A property put in the slot's place after warm-up: reads and writes go to
# it from then on.
class R:
    __slots__ = ("a",)


r = R()
warm(r)
saved = R.a
R.a = property(lambda self: "property a", lambda self, v: print("set via property", v))
print(get_a(r))
set_a(r, 10)
R.a = saved
print(get_a(r))
set_a(r, 11)
print(get_a(r))


# Shadowing in a subclass after the base's site was warm on the subclass.
class S(P):
    __slots__ = ()


s = S()
warm(s)
S.a = property(lambda self: "shadowed in S")
print(get_a(s))
show_error(set_a, s, 1)
del S.a
print(get_a(s))


# A plain class attribute (not a data descriptor) cannot shadow a slot
# member that the base defines, but replacing the member itself removes it.
class T:
    __slots__ = ("a",)


t = T()
warm(t)
T.a = "class value"
print(get_a(t))
show_error(set_a, t, 3)


# __class__ assignment between layout-compatible classes: the cache keyed
# on the old class must not read the new class's field as its own.
class L1:
    __slots__ = ("a", "b")


class L2:
    __slots__ = ("b", "a")


x = L1()
warm(x)
x.b = "b of L1"
print(get_a(x), get_b(x))
x.__class__ = L2
print(get_a(x), get_b(x))
set_a(x, "new a")
print(get_a(x), get_b(x))
x.__class__ = L1
print(get_a(x), get_b(x))


class L3:
    __slots__ = ("a", "b")


L3.a = property(lambda self: "L3's property")
x.__class__ = L3
print(get_a(x), get_b(x))
x.__class__ = L1
print(get_a(x), get_b(x))


# __getattribute__, __getattr__ and __setattr__ added to a base after the
# sites were warm.
class G:
    __slots__ = ("a",)


class H(G):
    __slots__ = ()


h = H()
warm(h)
G.__getattribute__ = lambda self, name: "getattribute " + name
print(get_a(h))
del G.__getattribute__
print(get_a(h))
del h.a
G.__getattr__ = lambda self, name: "getattr fallback " + name
print(get_a(h))
del G.__getattr__
show_error(get_a, h)


def logged_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


G.__setattr__ = logged_setattr
warm(h, 2)
del G.__setattr__
warm(h, 2)
print(get_a(h))


# One site seeing several classes in turn.
class M1:
    __slots__ = ("a",)


class M2:
    __slots__ = ("z", "a")


class M3:
    def __init__(self):
        self.a = "dict a"


objs = [M1(), M2(), M3(), p]
for o in objs * 3:
    set_a(o, type(o).__name__)
print([get_a(o) for o in objs * 2])


# A member descriptor from another class put into a class dict: CPython
# refuses to apply it to the wrong layout, warm or not.
class U:
    __slots__ = ("a",)


class V:
    __slots__ = ("v",)


V.a = U.a
vv = V()
for _ in range(3):
    try:
        set_a(vv, 1)
    except TypeError as exc:
        print("TypeError", exc)


# The stored values are owned by the instance: overwriting releases them.
import sys


class Box:
    __slots__ = ("a",)


payload = object()
bx = Box()
before = sys.getrefcount(payload)
for _ in range(10):
    set_a(bx, payload)
print(sys.getrefcount(payload) - before)
set_a(bx, None)
print(sys.getrefcount(payload) - before)
