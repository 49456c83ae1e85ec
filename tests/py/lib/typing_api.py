# typing: special-form errors, alias substitution, Generic/Protocol rules,
# NamedTuple/TypedDict details, NewType, overload registry, get_type_hints.
import typing
from typing import (Any, Union, Optional, List, Dict, Tuple, Callable, TypeVar, Generic,
                    Protocol, NamedTuple, TypedDict, NewType, Literal, ClassVar, Final,
                    Annotated, ForwardRef, ParamSpec, runtime_checkable, overload,
                    get_overloads, clear_overloads, get_type_hints, get_origin, get_args,
                    is_typeddict, Required, NotRequired, Iterable, Sequence, Type,
                    SupportsInt, SupportsIndex, SupportsAbs, Hashable, Sized, Concatenate)


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


T = TypeVar('T')
S = TypeVar('S')
P = ParamSpec('P')
print(repr(T), repr(TypeVar('C', covariant=True)), repr(TypeVar('X', contravariant=True)), T.__module__)
attempt('bivariant', lambda: TypeVar('B', covariant=True, contravariant=True))
attempt('one-constraint', lambda: TypeVar('B', int))
attempt('constraints-bound', lambda: TypeVar('B', int, str, bound=int))
print(P, P.args, P.kwargs, repr(ForwardRef('Foo')), ForwardRef('A') == ForwardRef('A'))
attempt('forward-bad', lambda: ForwardRef(3))

# Special forms.
print(repr(Any), repr(Union), repr(Optional), repr(ClassVar), Any.__name__ if hasattr(Any, '__name__') else '')
attempt('any-inst', lambda: isinstance(1, Any))
attempt('any-call', lambda: Any())
attempt('union-call', lambda: Union())
attempt('union-inst', lambda: isinstance(1, Union))
attempt('optional-two', lambda: Optional[int, str])
attempt('classvar-plain', lambda: List[ClassVar])
attempt('union-bad', lambda: Union[int, 3])
attempt('noreturn-sub', lambda: typing.NoReturn[int])
attempt('callable-bad', lambda: Callable[int])
attempt('list-many', lambda: List[int, str])
attempt('dict-few', lambda: Dict[int])
attempt('tuple-list', lambda: List[int][str])
attempt('annotated-one', lambda: Annotated[int])


def subclass_union():
    class X(Union):
        pass
attempt('subclass-union', subclass_union)

print(Union[int, str, int], Union[int, Optional[str]], Optional[None], Union[None, int])
print(Union[int, str] | float, int | Optional[str] if False else Optional[str] | int)
print(Union[int, str].__args__, Union[int, str].__origin__ is Union, hash(Union[int, str]) == hash(Union[str, int]))
print(isinstance(3, Union[int, str]), issubclass(bool, Union[int, str]), isinstance(3.0, Optional[int]))
print(Literal[1, 2, 1], Literal[1, Literal[2, 3]], Literal[True] == Literal[1], Literal['a'].__args__)
print(Annotated[List[int], 'a', 'b'], Annotated[Annotated[int, 1], 2], get_args(Annotated[int, 1, 2]), get_origin(Annotated[int, 1]) is Annotated)
print(ClassVar[List[int]], Final[int].__args__, Type[int], typing.TypeGuard[int], Required[int], NotRequired[str])

# Aliases and substitution.
print(List[T][int], Dict[T, S][str, int], Dict[str, List[T]][float], Callable[[T], S][int, str], Tuple[T, ...][int])
print(Callable[P, int], Callable[Concatenate[int, P], int], Callable[[], int].__args__, get_args(Callable[..., int]))
print(List[int].__origin__, List.__origin__, List[T].__parameters__, Dict[T, List[S]].__parameters__)
attempt('not-generic', lambda: List[int][str])
attempt('too-many', lambda: Dict[T, S][int])
attempt('subscripted-isinstance', lambda: isinstance([], List[int]))
print(isinstance([], List), issubclass(list, Sequence), isinstance({}, typing.Mapping), issubclass(dict, typing.MutableMapping))
print(isinstance(3, Hashable), isinstance([], Sized), issubclass(int, Iterable))
attempt('list-instantiate', lambda: List())
print(typing.DefaultDict[str, int](int), typing.Deque[int]([1]), typing.Counter[str]('aab'))
print(List[int] == list[int], List[int] != List[str], Tuple[()], Tuple[int, str].__args__)
print(repr(typing.Pattern[str]), typing.Match, Iterable[int].__module__, Sequence.__name__ if hasattr(Sequence, '__name__') else '-')
print(get_origin(Tuple), get_origin(List[int]), get_origin(typing.Generic), get_args(List), get_args(Union[int, str]))
print(get_args(Callable[[int, str], bool]), get_args(Tuple[int, ...]), get_origin(Callable[[], int]))

# Generic.
class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v


class Pair(Box[T], Generic[T, S]):
    pass


class IntBox(Box[int]):
    pass


print(Box[int], Pair[int, str], Pair.__parameters__, IntBox.__parameters__, IntBox.__orig_bases__)
print(Box[int](3).v, Box[int](3).__orig_class__, Box.__mro__[1:], Pair.__orig_bases__)
attempt('plain-generic', lambda: type('G', (Generic,), {}))
attempt('generic-empty', lambda: Generic[()])
attempt('generic-nontv', lambda: Generic[int])
attempt('generic-dup', lambda: Generic[T, T])
attempt('box-two', lambda: Box[int, str])


def missing_var():
    class Bad(Box[T], Generic[S]):
        pass
attempt('missing-var', missing_var)

# Protocol.
class Closer(Protocol):
    def close(self) -> None:
        ...


@runtime_checkable
class Sizer(Protocol):
    size: int

    def length(self) -> int:
        ...


class File:
    size = 3

    def length(self):
        return 1


class NoLen:
    size = 1


print(isinstance(File(), Sizer), isinstance(NoLen(), Sizer))
attempt("data-proto-issubclass", lambda: issubclass(File, Sizer))
attempt('unchecked', lambda: isinstance(File(), Closer))
attempt('proto-inst', lambda: Closer())
attempt('rc-bad', lambda: runtime_checkable(File))


class Impl(Closer):
    def close(self):
        return 'closed'


print(Impl().close(), isinstance(3, SupportsInt), isinstance('x', SupportsInt), isinstance(3, SupportsIndex), isinstance(-2, SupportsAbs))
print(Sizer.__name__, Closer._is_protocol, Impl._is_protocol)

# NamedTuple / TypedDict.
class Emp(NamedTuple):
    name: str
    dept: str = 'eng'
    level: int = 1


print(Emp('a'), Emp._field_defaults, Emp.__annotations__, Emp.__name__, Emp('a', 'x', 2)._asdict())


def bad_order():
    class N(NamedTuple):
        a: int = 1
        b: int
attempt('nt-order', bad_order)


def bad_attr():
    class N(NamedTuple):
        a: int
        def _asdict(self):
            return {}
attempt('nt-overwrite', bad_attr)
N2 = NamedTuple('N2', x=int, y=float)
print(N2(1, 2.0), N2.__annotations__, repr(NamedTuple)[:20])
attempt('nt-both', lambda: NamedTuple('N3', [('a', int)], b=int))


class Movie(TypedDict, total=False):
    title: str
    year: Required[int]


class Longer(Movie):
    rating: NotRequired[float]
    studio: str


print(Movie(title='x'), Movie.__required_keys__, sorted(Movie.__optional_keys__), Movie.__total__, Longer.__total__)
print(sorted(Longer.__required_keys__), sorted(Longer.__optional_keys__), list(Longer.__annotations__), is_typeddict(Longer), is_typeddict(dict))
attempt('td-isinstance', lambda: isinstance({}, Movie))
TD = TypedDict('TD', {'a': int, 'b': str}, total=False)
print(TD(a=1), TD.__optional_keys__ == {'a', 'b'}, TD.__name__, repr(TypedDict)[:20])


def td_mixed():
    class Bad(TypedDict, int):
        pass
attempt('td-mixed', td_mixed)

# NewType.
UserId = NewType('UserId', int)
print(UserId, UserId(5), UserId.__supertype__, UserId.__name__, UserId | None)


def sub_newtype():
    class X(UserId):
        pass
attempt('newtype-sub', sub_newtype)

# overload registry.
@overload
def area(x: int) -> int:
    ...


@overload
def area(x: str) -> str:
    ...


def area(x):
    return x


print(len(get_overloads(area)), area('s'))
clear_overloads()
print(get_overloads(area))
attempt('overload-call', lambda: overload(lambda x: x)(1))

# get_type_hints.
class Node:
    val: 'int'
    nxt: 'Optional[Node]' = None
    cv: ClassVar[int] = 1
    meta: Annotated[int, 'm']


class Child(Node):
    extra: List['Node']


def fn(a: 'int', b: 'List[str]' = None, *args: int, c: None = None) -> 'Node':
    pass


print(get_type_hints(Node))
print(get_type_hints(Child)['extra'], list(get_type_hints(Child)))
print(get_type_hints(fn))
print(get_type_hints(Node, include_extras=True)['meta'])
print(get_type_hints(typing.no_type_check(fn)), fn.__no_type_check__)
attempt('hints-bad', lambda: get_type_hints(3))
print(typing.cast('int', 'v'), typing.assert_type(5, int), typing.final(fn) is fn)
attempt('assert-never', lambda: typing.assert_never('x' * 200))
print(sorted(typing.__all__)[:12], len(typing.__all__) > 80)
