"""typing: the run-time objects behind type annotations.

Design notes
------------
Nothing here checks types.  The module only has to make annotations import,
print, compare and introspect the way CPython 3.11 does: `List[int]` must
print as `typing.List[int]`, `get_args(Dict[str, int])` must give back the
arguments, `class Box(Generic[T])` must work, and so on.

The pieces:

* Special forms (Union, Optional, ClassVar, Literal, ...) are instances of
  _SpecialForm; each wraps a function that handles `Form[...]`.  Any is a
  class, as in 3.11, so that it can also be subclassed.
* Subscripting produces aliases.  _SpecialGenericAlias is an unsubscripted
  name like `List` (it knows how many arguments it takes); _GenericAlias is
  a subscripted one like `List[int]` or `Box[T]`, holding __origin__,
  __args__ and __parameters__ (the type variables still free in it).
  Subscripting an alias that has free variables substitutes them.  Union,
  Literal, Callable and Annotated have small alias subclasses of their own
  for their reprs and equality.  These class names are visible through
  type(), so they are CPython's.
* Generic computes a class's __parameters__ in __init_subclass__ from the
  bases written in the class statement (__orig_bases__); aliases take part
  in class creation through __mro_entries__ (PEP 560).
* Protocol classes get a __subclasshook__ that compares members structurally;
  @runtime_checkable allows isinstance() against them.
* NamedTuple and TypedDict are functions that can also be used as base
  classes: their __mro_entries__ substitutes a hidden base whose metaclass
  builds the real class.
* gilpy has no collections.abc module, so the abstract collection aliases
  (Iterable, Mapping, ...) are backed by small ABCs made here, whose
  __subclasshook__ looks for the defining methods.  They report their module
  as collections.abc, which is how CPython prints them.

Left out: TypeVarTuple substitution, ParamSpec substitution in Callable,
Self/LiteralString semantics beyond their reprs, pickling support for
aliases, and the deprecated typing.io / typing.re submodules.
"""

import sys
import collections
from abc import abstractmethod, ABCMeta

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef',
    'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar',
    'TypeVarTuple', 'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager',
    'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView',
    'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection',
    'AsyncGenerator', 'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes',
    'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
    'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator', 'BinaryIO', 'IO', 'Match',
    'Pattern', 'TextIO', 'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'final', 'get_args', 'get_origin', 'get_overloads',
    'get_type_hints', 'is_typeddict', 'LiteralString', 'Never', 'NewType', 'no_type_check',
    'no_type_check_decorator', 'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs',
    'ParamSpecKwargs', 'Required', 'reveal_type', 'runtime_checkable', 'Self', 'Text',
    'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack',
]

TYPE_CHECKING = False

_NoneType = type(None)
_FunctionType = type(lambda: None)


def _caller_module(depth=2):
    """__name__ of the module [depth] frames up (for TypeVar, NewType...)."""
    try:
        return sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return '__main__'


def _show(obj):
    """How [obj] appears inside the brackets of a typing repr."""
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return obj.__module__ + '.' + obj.__qualname__
    if obj is ...:
        return '...'
    if isinstance(obj, _FunctionType):
        return obj.__name__
    return repr(obj)


def _as_tuple(params):
    return params if isinstance(params, tuple) else (params,)


def _normalise(arg):
    """None means NoneType and a string is a forward reference."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _check_arg(arg, message):
    """Validate one argument of a subscription; [message] starts the error
    raised for a tuple (several arguments where one was expected)."""
    arg = _normalise(arg)
    if isinstance(arg, _SpecialForm) and not arg._bare_ok or arg in (Generic, Protocol):
        raise TypeError('Plain %s is not valid as type argument' % (arg,))
    if isinstance(arg, _GenericAlias) and arg.__origin__ in (ClassVar, Final):
        raise TypeError('%s is not valid as type argument' % (arg,))
    if type(arg) is tuple:
        raise TypeError('%s Got %.100r.' % (message, arg))
    return arg


def _free_variables(args):
    """The type variables in [args], in order of first appearance."""
    found = []
    for arg in args:
        if isinstance(arg, (TypeVar, ParamSpec)):
            candidates = (arg,)
        elif isinstance(arg, (list, tuple)):
            candidates = _free_variables(arg)
        else:
            candidates = getattr(arg, '__parameters__', ())
            if not isinstance(candidates, tuple):
                candidates = ()
        for var in candidates:
            if var not in found:
                found.append(var)
    return tuple(found)


def _replace_variables(arg, mapping):
    if isinstance(arg, (TypeVar, ParamSpec)):
        return mapping.get(arg, arg)
    if isinstance(arg, (list, tuple)):
        return type(arg)(_replace_variables(item, mapping) for item in arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg[tuple(mapping.get(var, var) for var in arg.__parameters__)]
    return arg


def _arity_error(target, given, wanted):
    return TypeError('Too %s arguments for %s; actual %d, expected %d'
                     % ('many' if given > wanted else 'few', target, given, wanted))


class _Unionable:
    """`X | Y` for typing objects means Union[X, Y]."""

    __slots__ = ()

    def __or__(self, operand):
        return Union[self, operand]

    def __ror__(self, operand):
        return Union[operand, self]


# ---------------------------------------------------------------------------
# Special forms.

class _SpecialForm(_Unionable):
    """One of Union, Optional, ClassVar, ...: a named object that may be
    subscripted but not called, subclassed or used with isinstance()."""

    def __init__(self, handler, bare_ok=False):
        self._handler = handler
        self._name = handler.__name__
        self._bare_ok = bare_ok
        self.__doc__ = handler.__doc__

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(attr)

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError('Cannot instantiate %r' % self)

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass %r' % self)

    def __instancecheck__(self, obj):
        raise TypeError('%s cannot be used with isinstance()' % self)

    def __subclasscheck__(self, cls):
        raise TypeError('%s cannot be used with issubclass()' % self)


    def __getitem__(self, params):
        return self._handler(self, params)


def _bare_form(handler):
    """A form that is meaningful unsubscripted and refuses subscripts."""
    return _SpecialForm(handler, bare_ok=True)


def _refuse_subscript(form, params):
    raise TypeError('%s is not subscriptable' % form)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        return 'typing.Any' if self is Any else super().__repr__()


class Any(metaclass=_AnyMeta):
    """The type every value has; subclassing it is allowed, instances are not."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


@_bare_form
def NoReturn(form, params):
    """Annotates a function that never returns."""
    _refuse_subscript(form, params)


@_bare_form
def Never(form, params):
    """The type with no values."""
    _refuse_subscript(form, params)


@_bare_form
def Self(form, params):
    """The type of the enclosing class's instance."""
    _refuse_subscript(form, params)


@_bare_form
def LiteralString(form, params):
    """Any string built only from literals."""
    _refuse_subscript(form, params)


@_bare_form
def TypeAlias(form, params):
    """Marks an assignment as defining a type alias."""
    _refuse_subscript(form, params)


def _one_argument_form(form, params):
    item = _check_arg(params, '%s accepts only single type.' % form)
    return _GenericAlias(form, (item,))


@_SpecialForm
def ClassVar(form, params):
    """Marks a class attribute that instances do not set."""
    return _one_argument_form(form, params)


@_SpecialForm
def Final(form, params):
    """Marks a name that must not be reassigned."""
    return _one_argument_form(form, params)


@_SpecialForm
def TypeGuard(form, params):
    """Return annotation of a function that narrows its argument's type."""
    return _one_argument_form(form, params)


@_SpecialForm
def Required(form, params):
    """Marks a TypedDict key that must be present."""
    return _one_argument_form(form, params)


@_SpecialForm
def NotRequired(form, params):
    """Marks a TypedDict key that may be missing."""
    return _one_argument_form(form, params)


@_SpecialForm
def Unpack(form, params):
    """Unpacks a TypeVarTuple or tuple type."""
    return _one_argument_form(form, params)


@_SpecialForm
def Union(form, params):
    """Union[X, Y]: a value of type X or of type Y."""
    if params == ():
        raise TypeError('Cannot take a Union of no types.')
    members = []
    for item in _as_tuple(params):
        item = _check_arg(item, 'Union[arg, ...]: each arg must be a type.')
        # Nested unions flatten; repeats keep their first position.
        for member in (item.__args__ if isinstance(item, _UnionGenericAlias) else (item,)):
            if member not in members:
                members.append(member)
    if len(members) == 1:
        return members[0]
    return _UnionGenericAlias(form, tuple(members))


@_SpecialForm
def Optional(form, params):
    """Optional[X] is Union[X, None]."""
    item = _check_arg(params, '%s requires a single type.' % form)
    return Union[item, None]


@_SpecialForm
def Literal(form, params):
    """Literal[1, 'a']: exactly one of the given values."""
    values = []
    for item in _as_tuple(params):
        values.extend(item.__args__ if isinstance(item, _LiteralGenericAlias) else (item,))
    unique = []
    for value in values:
        # 1 and True are equal but are different literals.
        if not any(type(value) is type(kept) and value == kept for kept in unique):
            unique.append(value)
    return _LiteralGenericAlias(form, tuple(unique))


@_SpecialForm
def Concatenate(form, params):
    """Concatenate[X, P]: the parameters of P with X put in front."""
    if params == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    return _GenericAlias(form, _as_tuple(params))


# ---------------------------------------------------------------------------
# Forward references and type variables.

class ForwardRef(_Unionable):
    """An annotation written as a string, evaluated on demand."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError('Forward reference must be a string -- got %r' % (arg,))
        # These attribute names are part of the documented interface.
        vars(self).update({
            '__forward_arg__': arg, '__forward_module__': module,
            '__forward_is_argument__': is_argument, '__forward_is_class__': is_class,
            '__forward_evaluated__': False, '__forward_value__': None,
        })

    def _key(self):
        return self.__forward_arg__, self.__forward_module__

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        state = vars(self)
        if state['__forward_evaluated__'] and localns is globalns:
            return state['__forward_value__']
        if globalns is None:
            globalns = localns if localns is not None else {}
        if localns is None:
            localns = globalns
        source, home = self._key()
        if home is not None and home in sys.modules:
            globalns = vars(sys.modules[home])
        value = _resolve(_normalise(eval(source, globalns, localns)), globalns, localns)
        state.update({'__forward_value__': value, '__forward_evaluated__': True})
        return value

    def __eq__(self, other):
        if isinstance(other, ForwardRef):
            return self._key() == other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        source, home = self._key()
        return 'ForwardRef(%r%s)' % (source, '' if home is None else ', module=%r' % home)


class _TypeVarLike(_Unionable):
    """What TypeVar and ParamSpec share: variance prefix, `|`, no subclasses."""

    def _set_variance(self, covariant, contravariant):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__


    def __reduce__(self):
        return self.__name__

    def __init_subclass__(cls, *args, **kwargs):
        if cls.__module__ != __name__:
            raise TypeError("type 'typing.%s' is not an acceptable base type" % cls.__name__)


class TypeVar(_TypeVarLike):
    """A type variable: T = TypeVar('T'), optionally constrained or bounded."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self._set_variance(covariant, contravariant)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__constraints__ = tuple(
            _check_arg(c, 'TypeVar(name, constraint, ...): constraints must be types.')
            for c in constraints)
        self.__bound__ = _check_arg(bound, 'Bound must be a type.') if bound else None
        home = _caller_module()
        if home != 'typing':
            self.__module__ = home


class _ParamSpecPart:
    """P.args or P.kwargs of a ParamSpec P."""

    _suffix = ''

    def __init__(self, spec):
        self.__origin__ = spec

    def __repr__(self):
        return self.__origin__.__name__ + self._suffix


class ParamSpecArgs(_ParamSpecPart):
    """The type of *args of a function whose parameters are a ParamSpec."""
    _suffix = '.args'


class ParamSpecKwargs(_ParamSpecPart):
    """The type of **kwargs of a function whose parameters are a ParamSpec."""
    _suffix = '.kwargs'


class ParamSpec(_TypeVarLike):
    """Stands for the whole parameter list of a callable."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self._set_variance(covariant, contravariant)
        self.__bound__ = _check_arg(bound, 'Bound must be a type.') if bound else None

    # P.args and P.kwargs annotate *args and **kwargs.
    args = property(lambda spec: ParamSpecArgs(spec))
    kwargs = property(lambda spec: ParamSpecKwargs(spec))


class TypeVarTuple:
    """A variable standing for any number of types."""

    def __init__(self, name):
        self.__name__ = name

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__


# ---------------------------------------------------------------------------
# Aliases.

class _BaseGenericAlias(_Unionable):
    """What subscripted and unsubscripted aliases share."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __getattr__(self, attr):
        if attr in ('__origin__', '__args__', '_name', '_inst', '__parameters__'):
            raise AttributeError(attr)
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        # Ordinary attributes come from the underlying class (List.append...).
        if not (attr.startswith('__') and attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        made = self.__origin__(*args, **kwargs)
        try:
            made.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return made

    def __mro_entries__(self, bases):
        entries = [] if self.__origin__ in bases else [self.__origin__]
        later = bases[bases.index(self) + 1:]
        if not any(isinstance(b, _BaseGenericAlias) or
                   (isinstance(b, type) and issubclass(b, Generic)) for b in later):
            entries.append(Generic)
        return tuple(entries)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')



class _GenericAlias(_BaseGenericAlias):
    """A subscripted alias: List[int], Box[T], ClassVar[int]..."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        self.__args__ = _as_tuple(args)
        self.__parameters__ = _free_variables(self.__args__)
        if not name:
            self.__module__ = getattr(origin, '__module__', 'typing')

    def copy_with(self, args):
        return type(self)(self.__origin__, args, name=self._name, inst=self._inst)

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError('Cannot subscript already-subscripted %s' % self)
        free = self.__parameters__
        if not free:
            raise TypeError('%s is not a generic class' % self)
        args = tuple(_normalise(a) for a in _as_tuple(args))
        if len(args) != len(free):
            raise _arity_error(self, len(args), len(free))
        mapping = dict(zip(free, args))
        return self.copy_with(tuple(_replace_variables(a, mapping) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __repr__(self):
        head = 'typing.' + self._name if self._name else _show(self.__origin__)
        inside = ', '.join(_show(a) for a in self.__args__) if self.__args__ else '()'
        return '%s[%s]' % (head, inside)

    def __reduce__(self):
        return self.__origin__, self.__args__

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError('Cannot subclass %r' % self)
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            # Generic[...] adds nothing when Protocol or another generic base
            # later in the list brings Generic in anyway.
            later = bases[bases.index(self) + 1:]
            if Protocol in bases or any(isinstance(b, _BaseGenericAlias) for b in later):
                return ()
        return (self.__origin__,)

    def __iter__(self):
        yield Unpack[self]


class _SpecialGenericAlias(_BaseGenericAlias):
    """An unsubscripted alias such as List or Iterable; [arity] is how many
    arguments it takes (-1: any number)."""

    def __init__(self, origin, arity, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name or origin.__name__)
        self._arity = arity
        self.__module__ = 'typing'

    def _subscripted(self, args):
        return _GenericAlias(self.__origin__, args, name=self._name, inst=self._inst)

    def __getitem__(self, params):
        params = tuple(_check_arg(p, 'Parameters to generic types must be types.')
                       for p in _as_tuple(params))
        if self._arity >= 0 and len(params) != self._arity:
            raise _arity_error(self, len(params), self._arity)
        return self._subscripted(params)

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if isinstance(cls, _GenericAlias):
            return super().__subclasscheck__(cls)
        return issubclass(cls, self.__origin__)


class _CallableGenericAlias(_GenericAlias):
    """Callable[[A, B], R]; __args__ is flat: (A, B, R)."""

    def _params_form(self):
        first = self.__args__[0]
        return len(self.__args__) == 2 and (
            first is ... or isinstance(first, ParamSpec)
            or (isinstance(first, _GenericAlias) and first.__origin__ is Concatenate))

    def __repr__(self):
        *params, result = self.__args__
        if self._params_form():
            shown = _show(params[0])
        else:
            shown = '[%s]' % ', '.join(_show(p) for p in params)
        return 'typing.Callable[%s, %s]' % (shown, _show(result))


class _CallableType(_SpecialGenericAlias):
    def _subscripted(self, args):
        return _CallableGenericAlias(self.__origin__, args, name=self._name, inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        params, result = params
        result = _normalise(result)
        if isinstance(params, list):
            return self._subscripted(tuple(_normalise(p) for p in params) + (result,))
        return self._subscripted((params, result))


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        params = _as_tuple(params)
        if len(params) >= 2 and params[-1] is ...:
            kept = tuple(_check_arg(p, 'Tuple[t, ...]: t must be a type.') for p in params[:-1])
            return self._subscripted(kept + (...,))
        return self._subscripted(tuple(
            _check_arg(p, 'Tuple[t0, t1, ...]: each t must be a type.') for p in params))


class _UnionGenericAlias(_GenericAlias):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _NoneType in args:
            other = args[1] if args[0] is _NoneType else args[0]
            return 'typing.Optional[%s]' % _show(other)
        return 'typing.Union[%s]' % ', '.join(_show(a) for a in args)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        return any(isinstance(arg, type) and issubclass(cls, arg) for arg in self.__args__)

    def __reduce__(self):
        return Union.__getitem__, (self.__args__,)


class _LiteralGenericAlias(_GenericAlias):
    def _keyed(self):
        return frozenset((type(value), value) for value in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return self._keyed() == other._keyed()

    def __hash__(self):
        return hash(self._keyed())

    def __repr__(self):
        return 'typing.Literal[%s]' % ', '.join(repr(value) for value in self.__args__)


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            # Annotated[Annotated[T, a], b] is Annotated[T, a, b].
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (
            _show(self.__origin__), ', '.join(repr(m) for m in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__, self.__metadata__) == (other.__origin__, other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))


class Annotated:
    """Annotated[T, x, ...]: the type T with extra metadata x, ... attached."""

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two arguments '
                            '(a type and an annotation).')
        base = _check_arg(params[0], 'Annotated[t, ...]: t must be a type.')
        return _AnnotatedAlias(base, tuple(params[1:]))


# ---------------------------------------------------------------------------
# Generic and Protocol.

class Generic:
    """Base of user-defined generic classes: class Box(Generic[T])."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        params = tuple(_normalise(p) for p in _as_tuple(params))
        if cls in (Generic, Protocol):
            if not params and cls is not Protocol:
                raise TypeError('Parameter list to %s[...] cannot be empty' % cls.__qualname__)
            if not all(isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) for p in params):
                raise TypeError('Parameters to %s[...] must all be type variables or '
                                'parameter specification variables.' % cls.__name__)
            if len(set(params)) != len(params):
                raise TypeError('Parameters to %s[...] must all be unique' % cls.__name__)
        else:
            free = getattr(cls, '__parameters__', ())
            if not free:
                raise TypeError('%s is not a generic class' % cls)
            if len(params) != len(free):
                raise _arity_error(cls, len(params), len(free))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        written = cls.__dict__.get('__orig_bases__')
        if written is not None:
            plain = Generic in written
        else:
            plain = Generic in cls.__bases__ and cls.__name__ != 'Protocol'
        if plain:
            raise TypeError('Cannot inherit from plain Generic')
        variables = ()
        if written is not None:
            variables = _free_variables(written)
            declared = [b for b in written
                        if isinstance(b, _GenericAlias) and b.__origin__ is Generic]
            if len(declared) > 1:
                raise TypeError('Cannot inherit from Generic[...] multiple types.')
            if declared:
                listed = declared[0].__parameters__
                stray = [v for v in variables if v not in listed]
                if stray:
                    raise TypeError('Some type variables (%s) are not listed in Generic[%s]'
                                    % (', '.join(str(v) for v in stray),
                                       ', '.join(str(v) for v in listed)))
                variables = listed
        cls.__parameters__ = tuple(variables)


# Names that a protocol class has for bookkeeping; they are not members the
# protocol asks of an implementation.
_NOT_PROTOCOL_MEMBERS = frozenset((
    '__abstractmethods__', '__annotations__', '__weakref__', '_is_protocol',
    '_is_runtime_protocol', '__dict__', '__args__', '__slots__', '__parameters__',
    '__origin__', '__orig_bases__', '__doc__', '__subclasshook__', '__init__',
    '__new__', '__module__', '__qualname__', '__init_subclass__', '__class_getitem__',
    '__firstlineno__', '__protocol_attrs__',
))


def _protocol_members(cls):
    members = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        names = list(base.__dict__) + list(base.__dict__.get('__annotations__', {}))
        members.update(name for name in names
                       if not name.startswith('_abc_') and name not in _NOT_PROTOCOL_MEMBERS)
    return members


def _only_methods(cls):
    return all(callable(getattr(cls, name, None)) for name in _protocol_members(cls))


def _structural_hook(cls, other):
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    if not getattr(cls, '_is_runtime_protocol', False):
        raise TypeError('Instance and class checks can only be used with '
                        '@runtime_checkable protocols')
    if not _only_methods(cls):
        raise TypeError("Protocols with non-method members don't support issubclass()")
    for name in _protocol_members(cls):
        for klass in getattr(other, '__mro__', ()):
            if name in klass.__dict__:
                if klass.__dict__[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class _ProtocolMeta(ABCMeta):
    def __instancecheck__(cls, instance):
        if not getattr(cls, '_is_protocol', False):
            return super().__instancecheck__(instance)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        if _only_methods(cls) and super().__instancecheck__(instance):
            return True
        for name in _protocol_members(cls):
            if not hasattr(instance, name):
                return False
            if callable(getattr(cls, name, None)) and getattr(instance, name) is None:
                return False
        return True


def _refuse_protocol_instance(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base of protocol classes: types matched by the members they have."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(base is Protocol for base in cls.__bases__)
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = classmethod(_structural_hook)
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _refuse_protocol_instance


def runtime_checkable(cls):
    """Class decorator: allow isinstance()/issubclass() against a protocol."""
    if not (isinstance(cls, type) and issubclass(cls, Generic)
            and getattr(cls, '_is_protocol', False)):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


# ---------------------------------------------------------------------------
# Helper functions.

def cast(typ, val):
    """Tell a type checker that [val] has type [typ]; returns [val]."""
    return val


def assert_type(val, typ, /):
    """Ask a type checker to confirm [val] has type [typ]; returns [val]."""
    return val


def assert_never(arg, /):
    """Mark code a type checker should prove unreachable."""
    shown = repr(arg)
    if len(shown) > 100:
        shown = shown[:100] + '...'
    raise AssertionError('Expected code to be unreachable, but got: %s' % shown)


def reveal_type(obj, /):
    """Print the run-time type of [obj] to stderr and return [obj]."""
    print('Runtime type is %r' % type(obj).__name__, file=sys.stderr)
    return obj


def _called_overload(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. A series of @overload-decorated '
        'functions outside a stub module should always be followed by an '
        'implementation that is not @overload-ed.')


# (module, qualified name) -> the @overload signatures seen for it.
_overloads_seen = {}


def _overload_key(func):
    return getattr(func, '__module__', None), getattr(func, '__qualname__', None)


def overload(func):
    """Declare one signature of an overloaded function."""
    key = _overload_key(func)
    if key[1] is not None:
        _overloads_seen.setdefault(key, []).append(func)
    return _called_overload


def get_overloads(func):
    """The @overload signatures recorded for [func]."""
    return list(_overloads_seen.get(_overload_key(func), ()))


def clear_overloads():
    """Forget every recorded @overload signature."""
    _overloads_seen.clear()


def final(f):
    """Mark a class or method that must not be overridden."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Mark [arg]'s annotations as not being type hints."""
    try:
        arg.__no_type_check__ = True
    except (AttributeError, TypeError):
        pass
    return arg


def no_type_check_decorator(decorator):
    """Make [decorator] apply no_type_check to what it returns."""
    def decorate(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return decorate


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    """Mark a decorator, base class or metaclass as creating dataclass-like classes."""
    def mark(target):
        target.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default, 'field_specifiers': field_specifiers,
            'kwargs': kwargs,
        }
        return target
    return mark


def _resolve(hint, globalns, localns):
    """Evaluate the forward references anywhere inside [hint]."""
    if isinstance(hint, ForwardRef):
        return hint._evaluate(globalns, localns)
    if isinstance(hint, _GenericAlias):
        args = tuple(_resolve(a, globalns, localns) for a in hint.__args__)
        if args == hint.__args__:
            return hint
        if isinstance(hint, _UnionGenericAlias):
            return Union[args]
        return hint.copy_with(args)
    return hint


def _without_extras(hint):
    while True:
        if isinstance(hint, _AnnotatedAlias):
            hint = hint.__origin__
        elif isinstance(hint, _GenericAlias) and hint.__origin__ in (Required, NotRequired):
            hint = hint.__args__[0]
        else:
            return hint


def _hint_value(raw, is_module_or_function):
    if raw is None:
        return _NoneType
    if isinstance(raw, str):
        return ForwardRef(raw, is_argument=is_module_or_function,
                          is_class=not is_module_or_function)
    return raw


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a module, class or function, with strings evaluated."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    hints = {}
    if isinstance(obj, type):
        for klass in reversed(obj.__mro__):
            module = sys.modules.get(klass.__module__)
            scope = globalns if globalns is not None else getattr(module, '__dict__', {})
            names = localns if localns is not None else dict(vars(klass))
            for name, raw in klass.__dict__.get('__annotations__', {}).items():
                hints[name] = _resolve(_hint_value(raw, False), scope, names)
    else:
        if globalns is None:
            if isinstance(obj, type(sys)):
                globalns = vars(obj)
            else:
                inner = obj
                while hasattr(inner, '__wrapped__'):
                    inner = inner.__wrapped__
                globalns = getattr(inner, '__globals__', {})
        if localns is None:
            localns = globalns
        raw_hints = getattr(obj, '__annotations__', None)
        if raw_hints is None:
            if isinstance(obj, (type(sys), _FunctionType)) or callable(obj):
                return {}
            raise TypeError('%r is not a module, class, method, or function.' % (obj,))
        for name, raw in raw_hints.items():
            hints[name] = _resolve(_hint_value(raw, not isinstance(obj, type(sys))),
                                   globalns, localns)
    if include_extras:
        return hints
    return {name: _without_extras(hint) for name, hint in hints.items()}


def get_origin(tp):
    """The unsubscripted form of [tp]: list for List[int], None for a plain class."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """The arguments [tp] was subscripted with, () if none."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if not isinstance(tp, _GenericAlias):
        return ()
    if isinstance(tp, _CallableGenericAlias) and not tp._params_form():
        return (list(tp.__args__[:-1]), tp.__args__[-1])
    return tp.__args__


# ---------------------------------------------------------------------------
# NewType.

class NewType(_Unionable):
    """NewType('UserId', int): a distinct name for a type, free at run time."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.rpartition('.')[2]
        self.__supertype__ = tp
        home = _caller_module()
        if home != 'typing':
            self.__module__ = home

    def __call__(self, x):
        return x

    def __mro_entries__(self, bases):
        # The error needs the name of the class being defined, which only
        # the class creation itself knows: hand it a base that refuses.
        supertype_name = self.__name__

        class RefusesSubclass:
            def __init_subclass__(cls):
                raise TypeError('Cannot subclass an instance of NewType. Perhaps you were '
                                'looking for: `%s = NewType(%r, %s)`'
                                % (cls.__name__, cls.__name__, supertype_name))
        return (RefusesSubclass,)

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __reduce__(self):
        return self.__qualname__



# ---------------------------------------------------------------------------
# Aliases of builtin and abstract collection types.

def _method_abc(name, methods):
    """An ABC standing in for collections.abc.<name>: a class counts as a
    subclass when its MRO defines every one of [methods] (and none as None)."""
    def hook(cls, other):
        if cls is not made:
            return NotImplemented
        mro = getattr(other, '__mro__', ())
        for method in methods:
            owner = next((klass for klass in mro if method in klass.__dict__), None)
            if owner is None or owner.__dict__[method] is None:
                return NotImplemented
        return True

    made = ABCMeta(name, (), {'__subclasshook__': classmethod(hook),
                              '__module__': 'collections.abc', '__slots__': ()})
    return made


def _alias(origin, arity, name=None):
    # Aliases of builtin classes refuse to be called (List() is an error,
    # list() is the way); aliases of collections classes construct them.
    callable_ = getattr(origin, '__module__', None) != 'builtins'
    return _SpecialGenericAlias(origin, arity, inst=callable_, name=name)


_SET_METHODS = ('__len__', '__iter__', '__contains__')

Hashable = _alias(_method_abc('Hashable', ('__hash__',)), 0)
Awaitable = _alias(_method_abc('Awaitable', ('__await__',)), 1)
Coroutine = _alias(_method_abc('Coroutine', ('send', 'throw', 'close', '__await__')), 3)
AsyncIterable = _alias(_method_abc('AsyncIterable', ('__aiter__',)), 1)
AsyncIterator = _alias(_method_abc('AsyncIterator', ('__aiter__', '__anext__')), 1)
Iterable = _alias(_method_abc('Iterable', ('__iter__',)), 1)
Iterator = _alias(_method_abc('Iterator', ('__iter__', '__next__')), 1)
Reversible = _alias(_method_abc('Reversible', ('__reversed__', '__iter__')), 1)
Sized = _alias(_method_abc('Sized', ('__len__',)), 0)
Container = _alias(_method_abc('Container', ('__contains__',)), 1)
Collection = _alias(_method_abc('Collection', _SET_METHODS), 1)
Callable = _CallableType(_method_abc('Callable', ('__call__',)), 2)
AbstractSet = _alias(_method_abc('Set', _SET_METHODS), 1, 'AbstractSet')
MutableSet = _alias(_method_abc('MutableSet', ('add', 'discard') + _SET_METHODS[:2]), 1)
Mapping = _alias(_method_abc('Mapping', ('__getitem__', '__len__', '__iter__', 'keys')), 2)
MutableMapping = _alias(_method_abc('MutableMapping', (
    '__getitem__', '__setitem__', '__delitem__', '__len__', '__iter__')), 2)
Sequence = _alias(_method_abc('Sequence', (
    '__getitem__', '__len__', '__iter__', 'index', 'count')), 1)
MutableSequence = _alias(_method_abc('MutableSequence', (
    '__getitem__', '__setitem__', '__delitem__', '__len__', 'insert')), 1)
ByteString = _alias(_method_abc('ByteString', ('__getitem__', '__len__', 'hex')), 0)
MappingView = _alias(_method_abc('MappingView', ('__len__',)), 1)
KeysView = _alias(_method_abc('KeysView', _SET_METHODS), 1)
ItemsView = _alias(_method_abc('ItemsView', _SET_METHODS), 2)
ValuesView = _alias(_method_abc('ValuesView', ('__len__', '__iter__')), 1)
ContextManager = _alias(_method_abc('AbstractContextManager', ('__enter__', '__exit__')), 1,
                        'ContextManager')
AsyncContextManager = _alias(_method_abc('AbstractAsyncContextManager',
                                         ('__aenter__', '__aexit__')), 1,
                             'AsyncContextManager')
Generator = _alias(_method_abc('Generator', (
    '__iter__', '__next__', 'send', 'throw', 'close')), 3)
AsyncGenerator = _alias(_method_abc('AsyncGenerator', ('__aiter__', '__anext__', 'asend')), 2)

# Tuple[...] has its own rules (Tuple[()], Tuple[int, ...]).
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, 'List')
Set = _alias(set, 1, 'Set')
FrozenSet = _alias(frozenset, 1, 'FrozenSet')
Dict = _alias(dict, 2, 'Dict')
Type = _alias(type, 1, 'Type')
Deque = _alias(collections.deque, 1, 'Deque')
DefaultDict = _alias(collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)

Text = str
AnyStr = TypeVar('AnyStr', bytes, str)
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)
for _variable in (AnyStr, T, KT, VT, T_co, V_co, VT_co, T_contra, CT_co):
    _variable.__module__ = 'typing'
del _variable


# ---------------------------------------------------------------------------
# The Supports* protocols: each asks for one special method.

def _one_method_protocol(name, method):
    """A runtime-checkable protocol satisfied by any class defining [method]."""
    def required(self, *args):
        pass

    required.__name__ = method
    required.__qualname__ = name + '.' + method
    body = {'__slots__': (), '__module__': 'typing', '__qualname__': name,
            '__doc__': 'Protocol of the classes that define %s.' % method,
            method: abstractmethod(required)}
    return runtime_checkable(_ProtocolMeta(name, (Protocol,), body))


SupportsInt = _one_method_protocol('SupportsInt', '__int__')
SupportsFloat = _one_method_protocol('SupportsFloat', '__float__')
SupportsComplex = _one_method_protocol('SupportsComplex', '__complex__')
SupportsBytes = _one_method_protocol('SupportsBytes', '__bytes__')
SupportsIndex = _one_method_protocol('SupportsIndex', '__index__')
SupportsAbs = _one_method_protocol('SupportsAbs', '__abs__')
SupportsRound = _one_method_protocol('SupportsRound', '__round__')


# ---------------------------------------------------------------------------
# NamedTuple.

# Names a NamedTuple class body may not define: namedtuple() provides them.
_NAMEDTUPLE_OWN = frozenset(('__new__', '__init__', '__slots__', '__getnewargs__',
                             '_fields', '_field_defaults', '_make', '_replace',
                             '_asdict', '_source'))
_NAMEDTUPLE_SKIP = frozenset(('__module__', '__name__', '__annotations__', '__qualname__',
                              '__orig_bases__'))


def _typed_namedtuple(name, pairs, module, defaults=()):
    types = {field: _check_arg(tp, 'field %s annotation must be a type' % field)
             for field, tp in pairs}
    made = collections.namedtuple(name, list(types), defaults=defaults, module=module)
    made.__annotations__ = made.__new__.__annotations__ = types
    return made


class NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        annotations = ns.get('__annotations__', {})
        with_default = []
        for field in annotations:
            if field in ns:
                with_default.append(field)
            elif with_default:
                raise TypeError('Non-default namedtuple field %s cannot follow default '
                                'field%s %s' % (field, 's' if len(with_default) > 1 else '',
                                                ', '.join(with_default)))
        made = _typed_namedtuple(typename, annotations.items(), ns.get('__module__'),
                                 [ns[field] for field in with_default])
        for key, value in ns.items():
            if key in _NAMEDTUPLE_OWN:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in _NAMEDTUPLE_SKIP and key not in made._fields:
                setattr(made, key, value)
        return made


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def NamedTuple(typename, fields=None, /, **kwargs):
    """A namedtuple with field types: NamedTuple('P', [('x', int)]), or as a base class."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError('Either list of fields or keywords can be provided to NamedTuple, '
                        'not both')
    return _typed_namedtuple(typename, fields, _caller_module())


NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


# ---------------------------------------------------------------------------
# TypedDict.

class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type and a '
                                'non-TypedDict base class')
        made = type.__new__(_TypedDictMeta, name, (dict,), ns)
        own = {key: _check_arg(tp, "TypedDict('Name', {f0: t0, f1: t1, ...}); each t "
                                   "must be a type")
               for key, tp in ns.get('__annotations__', {}).items()}
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own)
        for key, tp in own.items():
            marker = get_origin(tp)
            needed = True if marker is Required else False if marker is NotRequired else total
            (required if needed else optional).add(key)
            (optional if needed else required).discard(key)
        made.__annotations__ = annotations
        made.__required_keys__ = frozenset(required)
        made.__optional_keys__ = frozenset(optional)
        made.__total__ = total
        return made

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict type with fixed keys and value types, as a call or a base class."""
    ns = {'__annotations__': dict(kwargs if fields is None else fields),
          '__module__': _caller_module()}
    return _TypedDictMeta(typename, (), ns, total=total)


TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    """True for a class made with TypedDict."""
    return isinstance(tp, _TypedDictMeta)


# ---------------------------------------------------------------------------
# I/O and regular expression types.

class IO(Generic[AnyStr]):
    """Stands for the objects open() returns."""
    __slots__ = ()


class BinaryIO(IO):
    """Stands for a file opened in binary mode."""
    __slots__ = ()


class TextIO(IO):
    """Stands for a file opened in text mode."""
    __slots__ = ()


import re as _re

Pattern = _alias(_re.Pattern, 1)
Match = _alias(_re.Match, 1)
