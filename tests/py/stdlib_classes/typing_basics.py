# typing: reprs of aliases, TypeVar, Generic, NamedTuple, TypedDict, helpers.
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable, Iterable,
    Iterator, Generator, Sequence, Mapping, TypeVar, Generic, Protocol, NamedTuple, TypedDict,
    cast, overload, final, Literal, ClassVar, TYPE_CHECKING, get_type_hints, get_origin, get_args,
    Type, NewType, Annotated, Final, runtime_checkable, AnyStr, NoReturn, Deque, DefaultDict)
import typing
print(List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None], Union[int])
print(Tuple[int, ...], Tuple[int, str], Callable[[int, str], bool], Callable[..., int], List, Any, Optional[List[int]])
print(Literal[1, 'a'], ClassVar[int], Final[int], Type[int], Annotated[int, 'meta'], Iterable[str], Mapping[str, Any])
T = TypeVar('T'); K = TypeVar('K', bound=int); C = TypeVar('C', covariant=True)
print(T, K, C, T.__name__, K.__bound__, List[T], List[T][int], Dict[str, T][int])
class Box(Generic[T]):
    def __init__(self, item: T): self.item = item
    def get(self) -> T: return self.item
b = Box(3); print(b.get(), Box[int], Box.__parameters__, Box[int](5).item)
class Pt(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return self.x + self.y
p = Pt(1); print(p, p.norm(), Pt._fields, Pt(2, 3)._asdict(), isinstance(p, tuple))
P2 = NamedTuple('P2', [('a', int), ('b', str)]); print(P2(1, 'x'))
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1); print(m, type(m), Movie.__required_keys__ == {'name', 'year'})
print(cast(int, 'x'), TYPE_CHECKING, get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]) is Union, get_args(Optional[int]))
class A:
    x: int
    y: 'str'
    z: Optional[int] = None
print(get_type_hints(A))
UserId = NewType('UserId', int); print(UserId(5), UserId)
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x
print(f(3))
@final
class Fin: pass
print(Fin.__final__)
class Greeter(Protocol):
    def greet(self) -> str: ...
class En:
    def greet(self): return 'hi'
def use(g: Greeter): return g.greet()
print(use(En()))
print(Union[int, str] == Union[str, int], List[int] == List[int], Optional[int] == Union[int, None], hash(List[int]) == hash(List[int]))
try: Union[()]
except TypeError as e: print(e)
try: List[int, str]
except TypeError as e: print(e)
print(repr(AnyStr), NoReturn, Deque[int], DefaultDict[str, int], typing.Pattern, typing.Match[str])
print(Optional[Union[int, str]], Union[int, Union[str, float]], Callable[[], None])
