"""types: names for interpreter types that have no builtin name, plus a few
helpers for building classes by hand.

Design notes
------------
Most names here are found, not defined: we make one sample object of each
kind (a function, a generator, a coroutine, a bound method, a traceback...)
and take its type().  Samples are made inside a throwaway function so that
none of them outlives module import; the coroutine sample is closed so it
does not complain about never being awaited.

SimpleNamespace is a plain Python class here (CPython writes it in C); it
behaves alike for ordinary use: same reprs, same error messages, same
equality.  MappingProxyType is found like the others, as the type of a
class's __dict__.

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


# The C type a class's __dict__ is (obj/mappingproxy.c); calling it wraps
# any mapping in the same read-only view.
MappingProxyType = type(type.__dict__)


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


class _AwaitableGenerator:
    """What a types.coroutine() wrapper hands back when the wrapped callable
    is not itself a generator function but returned a generator: the
    generator, usable both by `await` and by the generator protocol."""

    def __init__(self, gen):
        self._gen = gen

    def __await__(self):
        return self._gen

    def __iter__(self):
        return self._gen

    def __next__(self):
        return next(self._gen)

    def send(self, value):
        return self._gen.send(value)

    def throw(self, *args):
        return self._gen.throw(*args)

    def close(self):
        return self._gen.close()


def coroutine(func):
    """Let [func]'s generators be awaited, as old-style coroutines were.

    A generator function gets the CO_ITERABLE_COROUTINE flag on its code,
    which the VM's await accepts; any other callable is wrapped so that a
    generator it returns is handed back in an awaitable shell."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    code = getattr(func, '__code__', None)
    if type(func) is FunctionType and code is not None:
        if code.co_flags & 0x180:  # already a coroutine, or already marked
            return func
        if code.co_flags & 0x20:  # a generator function: mark it in place
            func.__code__ = code.replace(co_flags=code.co_flags | 0x100)
            return func

    def call_then_wrap(*args, **kwargs):
        result = func(*args, **kwargs)
        if type(result) is GeneratorType and not result.gi_code.co_flags & 0x100:
            return _AwaitableGenerator(result)
        return result
    call_then_wrap.__name__ = getattr(func, '__name__', 'coroutine')
    call_then_wrap.__qualname__ = getattr(func, '__qualname__', call_then_wrap.__name__)
    call_then_wrap.__doc__ = getattr(func, '__doc__', None)
    call_then_wrap.__wrapped__ = func
    return call_then_wrap


del _collect_samples, sys

__all__ = [name for name in globals() if not name.startswith('_')]
