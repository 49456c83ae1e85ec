# typing: get_origin/get_args, TypeVar constraints, generic errors, equality of aliases.
from typing import *
import typing
print(typing.Any, typing.NoReturn, typing.Union[int, str].__args__, typing.Optional[int].__args__)
print(get_origin(Dict[str, int]), get_args(Callable[[int], str]), get_origin(Literal[1]), get_args(Literal[1, 2]))
print(get_origin(int), get_args(int), get_origin(Union[int, str]))
T = TypeVar('T', int, str)
print(T.__constraints__, repr(TypeVar('U', bound='Foo')))
class Node(Generic[T]):
    pass
print(Node[int], Node.__parameters__)
try: Node[int, str]
except TypeError as e: print(e)
try: Generic[int]
except TypeError as e: print(e)
print(isinstance([], list), List[int].__origin__, Dict[str, int].__args__)
print(type(List[int]).__name__, type(Union[int, str]).__name__)
print(Callable[[int], str].__args__, Tuple[int, ...].__args__)
Vector = List[float]
def scale(s: float, v: Vector) -> Vector: return [s * x for x in v]
print(scale(2.0, [1.0, 2.0]))
print(typing.cast(List[int], [1]), typing.TYPE_CHECKING)
@typing.runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
print(Closer, Closer.__name__)
print(Optional[str] == Union[str, None], Union[int, str] == Union[str, int], Literal[1] == Literal[1])
print(ClassVar[int], Final[str], Annotated[int, 'x'].__metadata__)
print(typing.Sequence[int], typing.MutableMapping[str, int], typing.Iterable, typing.Generator[int, None, None])
