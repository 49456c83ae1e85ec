# dataclasses: generated methods, fields, defaults, frozen, order, asdict, replace.
from dataclasses import MISSING, dataclass, field, asdict, astuple, fields, replace, FrozenInstanceError, KW_ONLY, InitVar, is_dataclass, make_dataclass
from typing import List, ClassVar, Optional
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 2), p.__eq__(3))
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = 'z'
print(V(1) < V(2), sorted([V(3), V(1, 'a'), V(1)]), hash(V(1)) == hash(V(1)))
try:
    V(1).a = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
@dataclass
class Inv:
    name: str
    items: List[int] = field(default_factory=list)
    count: ClassVar[int] = 0
    tag: Optional[str] = field(default=None, repr=False)
i = Inv('a'); i.items.append(3)
print(i, Inv('b'), asdict(i), astuple(i), [f.name for f in fields(Inv)])
print(replace(i, name='c'))
@dataclass
class C:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(C(4))
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int
print(K(1, c=3), K(1, b=2, c=5))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print(e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e: print(e)
@dataclass
class Base:
    x: int = 1
@dataclass
class Derived(Base):
    y: int = 2
print(Derived(), Derived(5, 6), is_dataclass(Derived), is_dataclass(Derived()), is_dataclass(1))
@dataclass
class Ini:
    a: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.a *= scale
print(Ini(3), Ini(3, 10))
@dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), NE(1))
try:
    Point()
except TypeError as e: print(e)
print(Point.__match_args__, hash(Point.__hash__) if Point.__hash__ else Point.__hash__)
@dataclass
class Nest:
    p: Point
    ps: list
print(asdict(Nest(Point(1,2), [Point(3,4)])))
M = make_dataclass('M', [('x', int), ('y', int, field(default=5))])
print(M(1))
@dataclass(unsafe_hash=True)
class UH:
    a: int
print(fields(Point)[0].default is MISSING, fields(Point)[1].default)
