"""types: names for interpreter types that have no builtin name, plus a few
helpers for building classes by hand.

Design notes
------------
Most names here are found, not defined: we make one sample object of each
kind (a function, a generator, a coroutine, a bound method, a traceback...)
and take its type().  Samples are made inside a throwaway function so that
none of them outlives module import; the coroutine sample is closed so it
does not complain about never being awaited.

SimpleNamespace and MappingProxyType are plain Python classes here (CPython
writes them in C).  They behave alike for ordinary use: same reprs, same
error messages, same equality; MappingProxyType reports its type name as
`mappingproxy`.

new_class / resolve_bases / prepare_class follow the steps of a class
statement: __mro_entries__ on non-class bases, choosing the most derived
metaclass, __prepare__, running the body, then calling the metaclass.

Left out: coroutine() does not turn generator functions into awaitables (it
only checks its argument), and the C-level descriptor types that gilpy does
not have are whatever type() of the closest sample returns.
"""

import sys


def _collect_samples():
    """Return {name: type} for the types we can only reach via an instance."""
    found = {}

    def function():
        pass

    def generator():
        yield

    async def coroutine_function():
        pass

    async def async_generator():
        yield

    class WithMethod:
        def method(self):
            pass

    def make_cell():
        captured = 0

        def inner():
            return captured
        return inner.__closure__[0]

    found['FunctionType'] = found['LambdaType'] = type(function)
    found['CodeType'] = type(function.__code__)
    found['GeneratorType'] = type(generator())
    pending = coroutine_function()
    found['CoroutineType'] = type(pending)
    pending.close()
    found['AsyncGeneratorType'] = type(async_generator())
    found['MethodType'] = type(WithMethod().method)
    try:
        found['CellType'] = type(make_cell())
    except Exception:
        pass
    try:
        raise TypeError
    except TypeError as caught:
        found['TracebackType'] = type(caught.__traceback__)
        found['FrameType'] = type(caught.__traceback__.tb_frame)
    return found


globals().update(_collect_samples())

# Types reachable from builtins without running any code of our own.
GenericAlias = type(list[int])
UnionType = type(int | str)
BuiltinFunctionType = BuiltinMethodType = type(len)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
GetSetDescriptorType = type(type.__dict__['__dict__'])
ModuleType = type(sys)
EllipsisType = type(...)
NoneType = type(None)
NotImplementedType = type(NotImplemented)


# Object ids of namespaces whose repr is being built, so that a namespace
# containing itself prints as name(...) instead of recursing.
_showing = set()


class SimpleNamespace:
    """An object whose attributes are the keyword arguments it was made with."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        vars(self).update(kwargs)

    def __repr__(self):
        label = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        if id(self) in _showing:
            return label + '(...)'
        _showing.add(id(self))
        try:
            shown = ['%s=%r' % pair for pair in vars(self).items()]
        finally:
            _showing.discard(id(self))
        return '%s(%s)' % (label, ', '.join(shown))

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __hash__(self):
        # CPython's message names the C type by its dotted name.
        label = 'types.SimpleNamespace' if type(self) is SimpleNamespace \
            else type(self).__name__
        raise TypeError("unhashable type: '%s'" % label)

    def __reduce__(self):
        return type(self), (), vars(self)


class MappingProxyType:
    """A read-only view of a mapping; changes to the mapping show through."""

    __slots__ = ('_target',)

    def __new__(cls, mapping):
        acceptable = (hasattr(mapping, 'keys') and hasattr(mapping, '__getitem__')
                      and not isinstance(mapping, (list, tuple)))
        if not acceptable:
            raise TypeError("mappingproxy() argument must be a mapping, not %s"
                            % type(mapping).__name__)
        view = object.__new__(cls)
        object.__setattr__(view, '_target', mapping)
        return view

    def __setattr__(self, name, value):
        raise AttributeError("'mappingproxy' object has no attribute %r" % name)

    def __getitem__(self, key):
        return self._target[key]

    def __contains__(self, key):
        return key in self._target

    def __iter__(self):
        return iter(self._target)

    def __reversed__(self):
        return reversed(self._target)

    def __len__(self):
        return len(self._target)

    def __eq__(self, other):
        return self._target == other

    def __ne__(self, other):
        return self._target != other

    def __or__(self, other):
        return dict(self._target) | other

    def get(self, key, default=None):
        return self._target.get(key, default)

    def keys(self):
        return self._target.keys()

    def values(self):
        return self._target.values()

    def items(self):
        return self._target.items()

    def copy(self):
        return self._target.copy()

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._target,)

    def __str__(self):
        return str(self._target)


MappingProxyType.__name__ = MappingProxyType.__qualname__ = 'mappingproxy'


def resolve_bases(bases):
    """Replace each non-class base by what its __mro_entries__ returns."""
    result = []
    changed = False
    for base in bases:
        entries = None if isinstance(base, type) else getattr(base, '__mro_entries__', None)
        if entries is None:
            result.append(base)
            continue
        replacement = entries(bases)
        if not isinstance(replacement, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        result.extend(replacement)
        changed = True
    return tuple(result) if changed else bases


def _most_derived_metaclass(candidate, bases):
    for base in bases:
        other = type(base)
        if issubclass(candidate, other):
            continue
        if not issubclass(other, candidate):
            raise TypeError("metaclass conflict: the metaclass of a derived class "
                            "must be a (non-strict) subclass of the metaclasses "
                            "of all its bases")
        candidate = other
    return candidate


def prepare_class(name, bases=(), kwds=None):
    """Pick the metaclass and make the namespace: (metaclass, namespace, kwds)."""
    kwds = {} if kwds is None else dict(kwds)
    meta = kwds.pop('metaclass', type(bases[0]) if bases else type)
    if isinstance(meta, type):
        meta = _most_derived_metaclass(meta, bases)
    prepare = getattr(meta, '__prepare__', None)
    namespace = prepare(name, bases, **kwds) if prepare is not None else {}
    return meta, namespace, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class the way a class statement would."""
    real_bases = resolve_bases(bases)
    meta, namespace, kwds = prepare_class(name, real_bases, kwds)
    if exec_body is not None:
        exec_body(namespace)
    if real_bases is not bases:
        namespace['__orig_bases__'] = bases
    return meta(name, real_bases, namespace, **kwds)


def get_original_bases(cls, /):
    """The bases a class statement listed, before __mro_entries__ ran."""
    try:
        found = cls.__dict__.get('__orig_bases__')
    except AttributeError:
        raise TypeError('Expected an instance of type, not %r'
                        % type(cls).__name__) from None
    return cls.__bases__ if found is None else found


class DynamicClassAttribute(property):
    """A property for instances; read from the class it raises
    AttributeError, so that the class's __getattr__ can answer instead."""

    def __get__(self, instance, ownerclass=None):
        if instance is not None:
            return super().__get__(instance, ownerclass)
        if getattr(self, '__isabstractmethod__', False):
            return self
        raise AttributeError()


def coroutine(func):
    """Mark [func] as a coroutine function (gilpy: only checks it is callable)."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    return func


del _collect_samples, sys

__all__ = [name for name in globals() if not name.startswith('_')]
