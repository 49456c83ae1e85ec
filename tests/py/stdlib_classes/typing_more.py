# typing: annotations in code that runs, generic classes, NamedTuple methods, Protocol use.
from typing import (List, Dict, Optional, Union, Tuple, Callable, TypeVar, Generic,
                    NamedTuple, Any, Iterator, Sequence)

T = TypeVar('T')

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
    def __len__(self) -> int:
        return len(self.items)

s: Stack[int] = Stack()
s.push(1); s.push(2)
print(s.pop(), len(s), Stack[str], Stack.__parameters__)

def apply(f: Callable[[int], int], xs: Sequence[int]) -> List[int]:
    return [f(x) for x in xs]
print(apply(lambda x: x * 2, [1, 2, 3]))

def first(xs: List[T]) -> Optional[T]:
    return xs[0] if xs else None
print(first([]), first(['a']))

def gen(n: int) -> Iterator[int]:
    yield from range(n)
print(list(gen(3)))

class Employee(NamedTuple):
    name: str
    id: int = 3
    def label(self) -> str:
        return '%s#%d' % (self.name, self.id)
e = Employee('Guido')
print(e, e.label(), e._replace(id=7), Employee._field_defaults, Employee.__annotations__)
print(Employee._make(['x', 1]), e == ('Guido', 3), e[0])

Pair = Tuple[int, int]
Json = Union[Dict[str, Any], List[Any], str, int, None]
print(Pair, Json)
print(Union[int, str] | None if hasattr(Union[int, str], '__or__') else None)
print(Optional[Optional[int]], Union[Union[int, str], float], Union[str, int, str])
print(Dict[str, List[int]], Callable[[], None], Tuple[()])
