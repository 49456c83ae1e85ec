# dataclasses in everyday code: factories, order, post_init, frozen, repr/compare options.
from dataclasses import dataclass, field, fields, asdict
from typing import List, Optional
@dataclass
class Node:
    val: int
    children: List['Node'] = field(default_factory=list)
    parent: Optional['Node'] = field(default=None, repr=False, compare=False)
    def add(self, v):
        n = Node(v, parent=self); self.children.append(n); return n
root = Node(1); c = root.add(2); c.add(3)
print(root)
print(asdict(root) if False else [f.name for f in fields(root)])
@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: list = field(default_factory=list, repr=False)
    def deposit(self, amt):
        if amt <= 0: raise ValueError("amount must be positive")
        self.balance += amt; self.history.append(amt)
a = Account('ann'); a.deposit(10); a.deposit(5.5)
print(a, a.history, a == Account('ann', 15.5), a == Account('ann', 15.5, [1]))
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    def __str__(self): return f'{self.major}.{self.minor}.{self.patch}'
vs = sorted([Version(1, 2), Version(1, 0, 5), Version(0, 9)])
print([str(v) for v in vs], max(vs), Version(1) <= Version(1, 0))
try:
    Version(1) < (1, 0, 0)
except TypeError as e: print('TypeError', e)
@dataclass
class WithPost:
    first: str
    last: str
    full: str = field(init=False)
    def __post_init__(self):
        self.full = f'{self.first} {self.last}'
print(WithPost('a', 'b'))
@dataclass(frozen=True)
class Frozen:
    x: int
    tags: tuple = ()
f = Frozen(1, ('a',))
try:
    f.x = 2
except Exception as e: print(type(e).__name__, e)
try:
    del f.x
except Exception as e: print(type(e).__name__, e)
print({f: 1}[Frozen(1, ('a',))])
@dataclass
class Empty:
    pass
print(Empty(), Empty() == Empty())
@dataclass(repr=False)
class NoRepr:
    a: int
print(repr(NoRepr(1)).startswith('<__main__.NoRepr object at'))
@dataclass
class Defaults:
    a: int = 1
    b: str = 'x'
    c: list = field(default_factory=lambda: [1, 2])
print(Defaults(), Defaults(b='y'), Defaults.a, hasattr(Defaults, 'c'))
