# dataclasses: __hash__ generation rules (eq/frozen/unsafe_hash).
from dataclasses import dataclass

@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: str = 'x'

@dataclass(frozen=True)
class FZ:
    a: int

@dataclass
class Plain:
    a: int

@dataclass(eq=False)
class NoEq:
    a: int

print(hash(UH(1)) == hash((1, 'x')), hash(FZ(2)) == hash((2,)))
print(Plain.__hash__, NoEq.__hash__ is object.__hash__)
print(len({FZ(1), FZ(1), FZ(2)}), len({UH(1), UH(1, 'y')}))
try:
    hash(Plain(1))
except TypeError as e:
    print('TypeError', e)
