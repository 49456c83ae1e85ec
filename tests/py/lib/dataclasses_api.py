# dataclasses: Field objects and their repr, parameters, kw-only fields,
# hashing rules, inheritance checks, helper functions and their errors.
import dataclasses
from collections import namedtuple, OrderedDict
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         make_dataclass, is_dataclass, InitVar, KW_ONLY, MISSING,
                         FrozenInstanceError, Field)
from typing import ClassVar


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


@dataclass
class P:
    x: int
    y: int = field(default=3, metadata={'unit': 'cm'})
    z: list = field(default_factory=list, compare=False, hash=False)
    k: ClassVar[int] = 7
    s: InitVar[int] = 0


import re
print(re.sub(' at 0x[0-9a-f]+', '', repr(P.__dataclass_fields__['x'])))
print(re.sub(' at 0x[0-9a-f]+', '', repr(P.__dataclass_fields__['z'])))
print(P.__dataclass_fields__['k']._field_type, P.__dataclass_fields__['s']._field_type)
print(P.__dataclass_params__)
print(fields(P)[1].metadata['unit'], type(fields(P)[1].metadata).__name__, fields(P)[0].metadata)
print(P.__doc__, P.__match_args__, P.k, hasattr(P, 's'), P.y, 'z' in P.__dict__)
print(P(1), P(1, 2, [3], 4), P(1) == P(1, 3, [9]), P.__hash__)
print(InitVar[int], InitVar[list[int]], isinstance(P.__dataclass_fields__['x'], Field), repr(MISSING)[:9])
attempt('fields-bad', lambda: fields(3))
attempt('asdict-bad', lambda: asdict(P))
attempt('astuple-bad', lambda: astuple(3))
attempt('replace-bad', lambda: replace(3))
attempt('both', lambda: field(default=1, default_factory=list))
print(is_dataclass(P), is_dataclass(P(1)), is_dataclass(int), dataclasses.is_dataclass('x'))


@dataclass
class Box:
    items: list
    meta: dict
    pair: tuple
    pt: object


Pt = namedtuple('Pt', 'a b')
b = Box([P(1), 2], {'k': P(2)}, (P(3), 'x'), Pt(P(4), 5))
print(asdict(b))
print(astuple(b))
od = asdict(P(1), dict_factory=OrderedDict)
print(type(od).__name__, dict(od), astuple(P(1), tuple_factory=list))
nested = [1, [2]]
copy_ = asdict(Box(nested, {}, (), None))['items']
print(copy_ == nested, copy_ is nested, copy_[1] is nested[1])


@dataclass(kw_only=True)
class Kw:
    a: int
    b: int = 2


@dataclass
class Mixed:
    a: int
    b: int = field(kw_only=True, default=5)
    c: int = 1


print(Kw(a=1), Mixed(1, 2, b=3), Mixed.__match_args__, Kw.__match_args__)
attempt('kw-pos', lambda: Kw(1))


def twice_kw():
    @dataclass
    class T:
        a: int
        _: KW_ONLY
        _b: KW_ONLY
attempt('kw-twice', twice_kw)


def no_annotation():
    @dataclass
    class T:
        a: int
        b = field(default=1)
attempt('no-annotation', no_annotation)


def classvar_factory():
    @dataclass
    class T:
        a: ClassVar[list] = field(default_factory=list)
attempt('classvar-factory', classvar_factory)


def frozen_from_plain():
    @dataclass
    class A:
        x: int = 0

    @dataclass(frozen=True)
    class B(A):
        y: int = 0
attempt('frozen-from-plain', frozen_from_plain)


def plain_from_frozen():
    @dataclass(frozen=True)
    class A:
        x: int = 0

    @dataclass
    class B(A):
        y: int = 0
attempt('plain-from-frozen', plain_from_frozen)


def order_no_eq():
    @dataclass(order=True, eq=False)
    class T:
        a: int
attempt('order-no-eq', order_no_eq)


def order_clash():
    @dataclass(order=True)
    class T:
        a: int
        def __lt__(self, other):
            return True
attempt('order-clash', order_clash)


def hash_clash():
    @dataclass(unsafe_hash=True)
    class T:
        a: int
        def __hash__(self):
            return 1
attempt('hash-clash', hash_clash)


def frozen_clash():
    @dataclass(frozen=True)
    class T:
        a: int
        def __setattr__(self, name, value):
            pass
attempt('frozen-clash', frozen_clash)


@dataclass
class Eq:
    a: int


@dataclass(frozen=True)
class Fz:
    a: int
    b: list = field(default_factory=list, hash=False)


@dataclass(unsafe_hash=True)
class Uh:
    a: int
    b: int = field(hash=False, default=0)


@dataclass(eq=False)
class NoEq:
    a: int


@dataclass
class OwnHash:
    a: int
    def __hash__(self):
        return 42


@dataclass(frozen=True, eq=False)
class FzNoEq:
    a: int


print(Eq.__hash__, hash(Fz(1)) == hash((1,)), hash(Uh(1, 2)) == hash((1,)), NoEq.__hash__ is object.__hash__,
      hash(OwnHash(1)), FzNoEq.__hash__ is object.__hash__)
fz = Fz(1)
attempt('frozen-set', lambda: setattr(fz, 'a', 2))
attempt('frozen-new', lambda: setattr(fz, 'other', 2))
attempt('frozen-del', lambda: delattr(fz, 'a'))


class Plain(Fz):
    pass


pl = Plain(1)
pl.extra = 5
print(pl.extra)
attempt('frozen-sub-field', lambda: setattr(pl, 'a', 3))


@dataclass
class Selfish:
    self: int
    other: str = 'o'


print(Selfish(1), Selfish(self=2))


@dataclass
class Strs:
    a: 'int'
    c: 'ClassVar[int]' = 3
    d: 'InitVar[int]' = 4

    def __post_init__(self, d):
        self.total = self.a + d


print([f.name for f in fields(Strs)], Strs(1).total, Strs.c)


@dataclass
class WithInit:
    a: int
    v: InitVar[int]
    n: int = field(init=False, default=9)

    def __post_init__(self, v):
        self.a += v


w = WithInit(1, 10)
print(w, replace(w, v=1), w.n)
attempt('replace-initvar', lambda: replace(w))
attempt('replace-noinit', lambda: replace(w, n=1, v=0))
attempt('replace-unknown', lambda: replace(P(1), nope=1))


@dataclass(match_args=False, repr=False, init=False)
class Bare:
    a: int = 1


print(hasattr(Bare, '__match_args__'), Bare().a, Bare.__init__ is object.__init__)


@dataclass
class KeepEq:
    a: int
    def __eq__(self, other):
        return 'custom'


print(KeepEq(1) == KeepEq(2), KeepEq.__hash__)
M = make_dataclass('M', ['a', ('b', int), ('c', int, field(default=3))], bases=(), namespace={'twice': lambda self: self.b * 2}, frozen=True)
m = M(1, 2)
print(m, m.twice(), M.__annotations__['a'] if not isinstance(M.__annotations__['a'], str) else 'str', fields(M)[2].default)
attempt('mk-bad-name', lambda: make_dataclass('X', ['1a']))
attempt('mk-dup', lambda: make_dataclass('X', ['a', 'a']))
attempt('mk-bad-item', lambda: make_dataclass('X', [('a', int, 1, 2)]))


class Desc:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)

    def __get__(self, inst, owner):
        return 'desc'


@dataclass
class UsesDesc:
    d: str = field(default=Desc())


print(UsesDesc.__dataclass_fields__['d'].name, FrozenInstanceError.__mro__[1].__name__)


@dataclass
class Rec:
    child: 'Rec' = None


r = Rec()
r.child = r
print(r)


@dataclass
class Slot:
    a: int
    b: int = 2


print(Slot.__init__.__qualname__, Slot.__repr__.__qualname__, Slot.__eq__.__qualname__, Slot.__init__.__annotations__)
attempt('mk-keyword', lambda: make_dataclass('X', ['class']))
