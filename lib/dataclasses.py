"""dataclasses: generate __init__, __repr__, __eq__ and friends from a class's
annotations.

Design notes
------------
@dataclass reads the class's own annotations in order, turns each into a
Field (or takes the Field a `field(...)` call left there), puts the fields
inherited from dataclass bases in front, and records the result in
__dataclass_fields__ (ClassVar and InitVar pseudo-fields included, told apart
by Field._field_type).

The methods it adds are written out as Python source and compiled once per
class by _compile_method, so a generated __init__ is a straight run of
assignments and a generated __eq__ compares two tuples: as fast as the code
someone would write by hand.  Everything the generated source refers to
(defaults, factories, field types, helpers) is passed in through a small
environment dict whose names all start with `__dc_`, so they cannot clash
with field names.

Hash rules, from the Python documentation: a __hash__ the class wrote itself
wins (and unsafe_hash=True refuses to replace it); otherwise eq+frozen get a
field-based hash, eq alone makes instances unhashable, and eq=False leaves
the inherited hash alone.

Left out: slots=True and weakref_slot=True are accepted but do not rebuild the
class with __slots__; string annotations are recognised as ClassVar/InitVar
by their spelling only, without looking the names up in the module.
"""

import sys
import types
import keyword
import _thread

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    """Raised when a field of a frozen dataclass instance is assigned or deleted."""


# The sentinels keep CPython's class names: they appear in reprs (Field's,
# signatures in __doc__) and in type() of the public KW_ONLY and MISSING.
class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FactoryMarker:
    # Stands in as the __init__ default of fields that have a default_factory.
    def __repr__(self):
        return '<factory>'


_USE_FACTORY = _FactoryMarker()


class _FieldKind:
    """What an annotation declared; shown by name in Field's repr."""

    def __init__(self, label):
        self.label = label

    def __repr__(self):
        return self.label


_FIELD = _FieldKind('_FIELD')
_FIELD_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldKind('_FIELD_INITVAR')

_NO_METADATA = types.MappingProxyType({})


class InitVar:
    """Annotation for an __init__ argument that is passed to __post_init__
    instead of being stored."""

    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return cls(type)

    def __repr__(self):
        shown = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return 'dataclasses.InitVar[%s]' % shown


class Field:
    """Everything @dataclass knows about one field."""

    # Listed in the order Field's repr shows them.
    __slots__ = ('name', 'type', 'default', 'default_factory', 'init', 'repr', 'hash',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = self.type = self._field_type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_NO_METADATA if metadata is None
                         else types.MappingProxyType(metadata))
        self.kw_only = kw_only

    def __repr__(self):
        shown = ','.join('%s=%r' % (attr, getattr(self, attr)) for attr in Field.__slots__)
        return 'Field(%s)' % shown

    def __set_name__(self, owner, name):
        # A field(default=descriptor) sits in the class body in the
        # descriptor's place; pass the notification on to it.
        hook = getattr(type(self.default), '__set_name__', None)
        if hook is not None:
            hook(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        shown = ','.join('%s=%r' % (attr, getattr(self, attr))
                         for attr in _DataclassParams.__slots__)
        return '_DataclassParams(%s)' % shown


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Describe one field beyond its annotation: default, factory, flags."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


# ---------------------------------------------------------------------------
# Source generation.

def _compile_method(cls, name, params, lines, env, returns=MISSING):
    """Compile `def name(params): lines` with [env]'s names visible to it."""
    arrow = ''
    if returns is not MISSING:
        env['__dc_returns'] = returns
        arrow = ' -> __dc_returns'
    text = 'def %s(%s)%s:\n%s\n' % (name, ', '.join(params), arrow,
                                     '\n'.join('    ' + line for line in lines))
    # Wrapping the def in a function whose parameters are the environment's
    # names makes them closure variables of the generated method.
    outer = 'def __dc_make(%s):\n%s    return %s\n' % (
        ', '.join(env), ''.join('    ' + line + '\n' for line in text.splitlines()), name)
    module = sys.modules.get(cls.__module__)
    scope = {}
    exec(outer, vars(module) if module is not None else {}, scope)
    method = scope['__dc_make'](**env)
    method.__qualname__ = '%s.%s' % (cls.__qualname__, name)
    return method


def _pack(owner, chosen):
    """Source of a tuple of [owner]'s values for the [chosen] fields."""
    return '(' + ''.join('%s.%s,' % (owner, f.name) for f in chosen) + ')'


def _make_init(cls, init_fields, frozen, post_init):
    me = '__dc_self' if any(f.name == 'self' for f in init_fields) else 'self'
    env = {'__dc_factory_marker': _USE_FACTORY, '__dc_setattr': object.__setattr__}
    positional = []
    keyword_only = []
    body = []
    seen_default = False
    for f in init_fields:
        env['__dc_type_' + f.name] = f.type
        param = '%s: __dc_type_%s' % (f.name, f.name)
        has_default = f.init and (f.default is not MISSING
                                  or f.default_factory is not MISSING)
        if f.default_factory is not MISSING:
            env['__dc_factory_' + f.name] = f.default_factory
            if f.init:
                param += ' = __dc_factory_marker'
                value = ('__dc_factory_%s() if %s is __dc_factory_marker else %s'
                         % (f.name, f.name, f.name))
            else:
                value = '__dc_factory_%s()' % f.name
        elif f.default is not MISSING:
            env['__dc_default_' + f.name] = f.default
            param += ' = __dc_default_' + f.name
            value = f.name
        else:
            value = f.name
        if f.init:
            if not f.kw_only:
                if seen_default and not has_default:
                    raise TypeError('non-default argument %r follows default argument'
                                    % f.name)
                seen_default = seen_default or has_default
            (keyword_only if f.kw_only else positional).append(param)
        # Fields left out of __init__ without a factory keep their class
        # attribute default; InitVars are only handed to __post_init__.
        if f._field_type is _FIELD and (f.init or f.default_factory is not MISSING):
            if frozen:
                body.append('__dc_setattr(%s, %r, %s)' % (me, f.name, value))
            else:
                body.append('%s.%s = %s' % (me, f.name, value))
    if post_init:
        extras = ', '.join(f.name for f in init_fields if f._field_type is _FIELD_INITVAR)
        body.append('%s.__post_init__(%s)' % (me, extras))
    params = [me] + positional + (['*'] + keyword_only if keyword_only else [])
    return _compile_method(cls, '__init__', params, body or ['pass'], env, returns=None)


def _guard_recursion(method):
    """Make a __repr__ print '...' for an object it is already showing."""
    active = set()

    def __repr__(self):
        token = (id(self), _thread.get_ident())
        if token in active:
            return '...'
        active.add(token)
        try:
            return method(self)
        finally:
            active.discard(token)

    __repr__.__qualname__ = method.__qualname__
    __repr__.__wrapped__ = method
    return __repr__


def _make_repr(cls, shown):
    parts = ', '.join('%s={self.%s!r}' % (f.name, f.name) for f in shown)
    line = 'return self.__class__.__qualname__ + f"(%s)"' % parts
    return _guard_recursion(_compile_method(cls, '__repr__', ['self'], [line], {}))


def _make_comparison(cls, name, operator, compared):
    lines = ['if other.__class__ is not self.__class__:',
             '    return NotImplemented',
             'return %s %s %s' % (_pack('self', compared), operator, _pack('other', compared))]
    return _compile_method(cls, name, ['self', 'other'], lines, {})


def _make_frozen_guards(cls, field_list):
    env = {'__dc_cls': cls, '__dc_error': FrozenInstanceError}
    names = tuple(f.name for f in field_list)
    env['__dc_names'] = frozenset(names)
    test = 'if type(self) is __dc_cls or name in __dc_names:'
    setter = _compile_method(cls, '__setattr__', ['self', 'name', 'value'], [
        test, '    raise __dc_error(f"cannot assign to field {name!r}")',
        'super(__dc_cls, self).__setattr__(name, value)'], dict(env))
    deleter = _compile_method(cls, '__delattr__', ['self', 'name'], [
        test, '    raise __dc_error(f"cannot delete field {name!r}")',
        'super(__dc_cls, self).__delattr__(name)'], dict(env))
    return setter, deleter


def _make_hash(cls, field_list):
    hashed = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    return _compile_method(cls, '__hash__', ['self'],
                           ['return hash(%s)' % _pack('self', hashed)], {})


# ---------------------------------------------------------------------------
# Reading the class.

def _spelled_as(annotation, names):
    if not isinstance(annotation, str):
        return False
    text = annotation.strip()
    return any(text == name or text.startswith(name + '[') for name in names)


def _is_classvar(annotation):
    typing = sys.modules.get('typing')
    if typing is not None and (annotation is typing.ClassVar or
                               getattr(annotation, '__origin__', None) is typing.ClassVar):
        return True
    return _spelled_as(annotation, ('ClassVar', 'typing.ClassVar'))


def _is_initvar(annotation):
    return (annotation is InitVar or isinstance(annotation, InitVar)
            or _spelled_as(annotation, ('InitVar', 'dataclasses.InitVar')))


def _is_kw_only_marker(annotation):
    return annotation is KW_ONLY or _spelled_as(annotation, ('KW_ONLY', 'dataclasses.KW_ONLY'))


def _field_for(cls, name, annotation, kw_only_default):
    found = getattr(cls, name, MISSING)
    made = found if isinstance(found, Field) else field(default=found)
    made.name = name
    made.type = annotation
    if _is_classvar(annotation):
        made._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation):
        made._field_type = _FIELD_INITVAR
    else:
        made._field_type = _FIELD
    if made._field_type is not _FIELD and made.default_factory is not MISSING:
        raise TypeError('field %s cannot have a default factory' % name)
    if made._field_type is _FIELD_CLASSVAR:
        if made.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only' % name)
    elif made.kw_only is MISSING:
        made.kw_only = kw_only_default
    if made._field_type is _FIELD and type(made.default).__hash__ is None:
        # A shared list/dict/set default is almost always a bug.
        raise ValueError('mutable default %s for field %s is not allowed: use '
                         'default_factory' % (type(made.default), name))
    return made


def _own_fields(cls, kw_only):
    annotations = cls.__dict__.get('__annotations__', {})
    result = []
    marker_seen = False
    for name, annotation in annotations.items():
        if _is_kw_only_marker(annotation):
            if marker_seen:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been specified'
                                % name)
            marker_seen = kw_only = True
            continue
        result.append(_field_for(cls, name, annotation, kw_only))
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError('%r is a field but has no type annotation' % name)
    return result


def _install(cls, name, method):
    """Add [method] unless the class body defined [name]; True if it did."""
    if name in cls.__dict__:
        return True
    setattr(cls, name, method)
    return False


def _choose_hash(cls, eq, frozen, unsafe_hash, field_list):
    own = cls.__dict__.get('__hash__', MISSING)
    # A class body that defines __eq__ gets __hash__ = None implicitly; that
    # None is not a hash the user asked for.
    written = not (own is MISSING or (own is None and '__eq__' in cls.__dict__))
    if unsafe_hash:
        if written:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)
        cls.__hash__ = _make_hash(cls, field_list)
    elif written or not eq:
        pass
    elif frozen:
        cls.__hash__ = _make_hash(cls, field_list)
    else:
        cls.__hash__ = None


def _set_doc(cls, init_fields):
    if getattr(cls, '__doc__', None):
        return
    try:
        import inspect
        shown = str(inspect.signature(cls)).replace(' -> None', '')
    except Exception:
        shown = '(%s)' % ', '.join(f.name for f in init_fields)
    try:
        cls.__doc__ = cls.__name__ + shown
    except (AttributeError, TypeError):
        pass


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots, weakref_slot):
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)

    all_fields = {}
    frozen_bases = []
    for base in reversed(cls.__mro__[1:]):
        inherited = base.__dict__.get('__dataclass_fields__')
        if inherited is None:
            continue
        all_fields.update((f.name, f) for f in inherited.values())
        frozen_bases.append(base.__dataclass_params__.frozen)
    own = _own_fields(cls, kw_only)
    for f in own:
        all_fields[f.name] = f
        # The Field object was only a marker in the class body; leave the
        # plain default (or nothing) behind as the class attribute.
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    if frozen_bases:
        if any(frozen_bases) and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if frozen and not any(frozen_bases):
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    cls.__dataclass_fields__ = all_fields

    init_fields = [f for f in all_fields.values() if f._field_type is not _FIELD_CLASSVAR]
    real_fields = [f for f in init_fields if f._field_type is _FIELD]
    compared = [f for f in real_fields if f.compare]
    # __init__ takes the positional parameters first, then the keyword-only ones.
    ordered = ([f for f in init_fields if not f.kw_only]
               + [f for f in init_fields if f.kw_only])

    if init:
        _install(cls, '__init__',
                 _make_init(cls, ordered, frozen, hasattr(cls, '__post_init__')))
    if repr:
        _install(cls, '__repr__', _make_repr(cls, [f for f in real_fields if f.repr]))
    if eq:
        _install(cls, '__eq__', _make_comparison(cls, '__eq__', '==', compared))
    if order:
        for name, operator in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'),
                               ('__ge__', '>=')):
            if _install(cls, name, _make_comparison(cls, name, operator, compared)):
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider '
                                'using functools.total_ordering' % (name, cls.__name__))
    if frozen:
        for method in _make_frozen_guards(cls, real_fields):
            if _install(cls, method.__name__, method):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (method.__name__, cls.__name__))
    _choose_hash(cls, eq, frozen, unsafe_hash, real_fields)
    _set_doc(cls, init_fields)
    if match_args:
        _install(cls, '__match_args__',
                 tuple(f.name for f in init_fields if f.init and not f.kw_only))
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Class decorator that adds the methods the annotations describe."""
    options = (init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots,
               weakref_slot)

    def apply(target):
        return _process_class(target, *options)

    return apply if cls is None else apply(cls)


# ---------------------------------------------------------------------------
# Helpers for dataclass instances.

def fields(class_or_instance):
    """The Field objects of a dataclass (or instance), in order, without the
    ClassVar and InitVar pseudo-fields."""
    try:
        table = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in table.values() if f._field_type is _FIELD)


def _is_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def is_dataclass(obj):
    """True for a dataclass and for an instance of one."""
    kind = obj if isinstance(obj, type) else type(obj)
    return hasattr(kind, '__dataclass_fields__')


# Values that are immutable need no deep copy, which spares importing copy.
_IMMUTABLE = frozenset({type(None), bool, int, float, complex, str, bytes, type, range,
                        type(...), type(NotImplemented)})


def _convert(value, finish):
    """Copy [value] for asdict/astuple: dataclass instances are passed to
    [finish] as a list of (name, converted value) pairs, containers are
    rebuilt with converted contents, anything else is deep-copied."""
    if _is_instance(value):
        return finish([(f.name, _convert(getattr(value, f.name), finish))
                       for f in fields(value)])
    kind = type(value)
    if isinstance(value, tuple) and hasattr(value, '_fields'):
        return kind(*[_convert(item, finish) for item in value])
    if isinstance(value, (list, tuple)):
        return kind(_convert(item, finish) for item in value)
    if isinstance(value, dict):
        return kind((_convert(k, finish), _convert(v, finish)) for k, v in value.items())
    if kind in _IMMUTABLE:
        return value
    import copy
    return copy.deepcopy(value)


def asdict(obj, *, dict_factory=dict):
    """A dataclass instance's fields as a dict, recursing into nested values."""
    if not _is_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _convert(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    """A dataclass instance's field values as a tuple, recursing into nested values."""
    if not _is_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _convert(obj, lambda pairs: tuple_factory([value for _, value in pairs]))


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False):
    """Create a dataclass from a list of field names or (name, type[, Field]) items."""
    body = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, annotation = item, 'typing.Any'
        elif len(item) in (2, 3):
            name, annotation = item[0], item[1]
            if len(item) == 3:
                body[name] = item[2]
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        if keyword.iskeyword(name):
            raise TypeError('Field names must not be keywords: %r' % (name,))
        if name in annotations:
            raise TypeError('Field name duplicated: %r' % (name,))
        annotations[name] = annotation
    body['__annotations__'] = annotations
    made = types.new_class(cls_name, bases, {}, lambda ns: ns.update(body))
    return dataclass(made, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen, match_args=match_args,
                     kw_only=kw_only, slots=slots, weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A new instance like [obj] with the given fields changed."""
    if not _is_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be '
                                 'specified with replace()' % f.name)
            continue
        if f.name in changes:
            continue
        if f._field_type is _FIELD_INITVAR and f.default is MISSING:
            raise ValueError('InitVar %r must be specified with replace()' % f.name)
        changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
