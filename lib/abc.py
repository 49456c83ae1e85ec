"""abc: abstract base classes (PEP 3119) for gilpy.

Design notes
------------
A class made by ABCMeta carries __abstractmethods__, the names whose current
value is still marked abstract.  The set is computed when the class is made
(from its own namespace plus whatever its bases left abstract and it did not
override) and again on demand by update_abstractmethods().  CPython refuses
to instantiate such a class inside object.__new__; gilpy does it in
ABCMeta.__call__, with the same message.

A value counts as abstract when it says so through __isabstractmethod__, or
when it wraps something that does (a property's getter/setter/deleter, a
classmethod or staticmethod's function): gilpy's builtin wrappers do not
forward the flag themselves.

isinstance()/issubclass() against an ABC ask, in order: the class's
__subclasshook__, real inheritance, the registered virtual subclasses, and
the ABC's own subclasses.  Answers are remembered per ABC in two sets, one
for yes and one for no.  Any register() anywhere can turn a no into a yes, so
it bumps a global generation number and a no-set older than that is
forgotten; yes answers stay true forever.  Per-class state lives in
attributes whose names start with `_abc_` (typing skips those when it lists a
protocol's members).

Left out: weak references in the caches (classes held by an ABC's cache
stay alive) and the C accelerator module.
"""


def abstractmethod(funcobj):
    """Mark [funcobj] abstract: an ABC that keeps it cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated spelling of @classmethod over @abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        abstractmethod(callable)
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated spelling of @staticmethod over @abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        abstractmethod(callable)
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated spelling of @property over @abstractmethod."""
    __isabstractmethod__ = True


def _marked_abstract(value):
    # property, classmethod and staticmethod answer __isabstractmethod__
    # for what they wrap.  An error while testing the flag (a __bool__ that
    # raises) propagates, as in CPython.
    return bool(getattr(value, '__isabstractmethod__', False))


def _abstract_names(cls):
    names = {key for key, value in cls.__dict__.items() if _marked_abstract(value)}
    for base in cls.__bases__:
        for key in getattr(base, '__abstractmethods__', ()):
            if _marked_abstract(getattr(cls, key, None)):
                names.add(key)
    return frozenset(names)


# Incremented by every register(); see "no answers" in the notes above.
_generation = 0


def _decide(cls, subclass):
    """The uncached answer to issubclass([subclass], [cls])."""
    hook = cls.__subclasshook__(subclass)
    if hook is not NotImplemented:
        return bool(hook)
    if cls in getattr(subclass, '__mro__', ()):
        return True
    # A registered class, or anything below one, is a virtual subclass;
    # so is anything that is a subclass of one of our own subclasses.
    for virtual in cls._abc_registry:
        if issubclass(subclass, virtual):
            return True
    # Through the class, so that an overriding __subclasses__ is used and
    # its errors (or a result that is not a list of classes) surface.
    children = cls.__subclasses__()
    if not isinstance(children, list):
        raise TypeError('__subclasses__() must return a list')
    for child in children:
        if child is not cls and issubclass(subclass, child):
            return True
    return False


class ABCMeta(type):
    """Metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = type.__new__(mcls, name, bases, namespace, **kwargs)
        type.__setattr__(cls, '__abstractmethods__', _abstract_names(cls))
        type.__setattr__(cls, '_abc_registry', set())
        type.__setattr__(cls, '_abc_cache', set())
        type.__setattr__(cls, '_abc_negative_cache', set())
        type.__setattr__(cls, '_abc_generation', _generation)
        return cls

    def __call__(cls, *args, **kwargs):
        pending = getattr(cls, '__abstractmethods__', None)
        if pending:
            listed = sorted(pending)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(listed) > 1 else '',
                               ', '.join(listed)))
        return super().__call__(*args, **kwargs)

    def __subclasshook__(cls, subclass):
        # No opinion by default; ABCs override this as a classmethod.
        return NotImplemented

    def register(cls, subclass):
        """Make [subclass] a virtual subclass of this ABC; returns it, so
        register can decorate a class."""
        global _generation
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_registry.add(subclass)
        _generation += 1
        return subclass

    def __instancecheck__(cls, instance):
        claimed = instance.__class__
        if claimed in cls._abc_cache:
            return True
        actual = type(instance)
        if actual is claimed:
            return cls.__subclasscheck__(actual)
        return cls.__subclasscheck__(claimed) or cls.__subclasscheck__(actual)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if subclass in cls._abc_cache:
            return True
        if cls._abc_generation != _generation:
            type.__setattr__(cls, '_abc_negative_cache', set())
            type.__setattr__(cls, '_abc_generation', _generation)
        elif subclass in cls._abc_negative_cache:
            return False
        answer = _decide(cls, subclass)
        (cls._abc_cache if answer else cls._abc_negative_cache).add(subclass)
        return answer

    def _dump_registry(cls, file=None):
        print('Class: %s.%s' % (cls.__module__, cls.__qualname__), file=file)
        print('Inv. counter: %s' % _generation, file=file)
        for attr in ('_abc_registry', '_abc_cache', '_abc_negative_cache'):
            print('%s: %r' % (attr, getattr(cls, attr)), file=file)

    def _abc_registry_clear(cls):
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()


def update_abstractmethods(cls):
    """Recompute __abstractmethods__ after methods were added to [cls]."""
    if hasattr(cls, '__abstractmethods__'):
        type.__setattr__(cls, '__abstractmethods__', _abstract_names(cls))
    return cls


def get_cache_token():
    """A value that changes whenever any ABC gains a virtual subclass."""
    return _generation


class ABC(metaclass=ABCMeta):
    """Inherit from ABC to make an abstract base class without naming the
    metaclass."""
    __slots__ = ()
