# singledispatch, singledispatchmethod and cached_property: registration
# forms, MRO-based lookup, the registry and dispatch cache, and the error
# messages users see.
import functools
from functools import singledispatch, singledispatchmethod, cached_property


@singledispatch
def describe(x, suffix=''):
    """generic doc"""
    return 'object' + suffix


@describe.register(int)
def _(x, suffix=''):
    return 'int %d%s' % (x, suffix)


@describe.register
def _(x: list, suffix=''):
    return 'list of %d%s' % (len(x), suffix)


def for_str(x, suffix=''):
    return 'str %r%s' % (x, suffix)


print('register returns func:', describe.register(str, for_str) is for_str)


class Animal:
    pass


class Dog(Animal):
    pass


class Puppy(Dog):
    pass


@describe.register(Animal)
def _(x, suffix=''):
    return 'animal ' + type(x).__name__ + suffix


print(describe(3), describe(True), describe([1, 2], suffix='!'), describe('s'))
print(describe(2.5), describe(None), describe(Puppy()), describe(Dog(), '?'))
print(describe.__name__, describe.__doc__, describe.__wrapped__.__name__)
print(describe.dispatch(bool).__name__, describe.dispatch(float) is describe.__wrapped__)
print(sorted(k.__name__ for k in describe.registry))


@describe.register(Dog)
def dog_impl(x, suffix=''):
    return 'dog specifically'


print('cache refreshed after register:', describe(Puppy()), describe(Animal()))


class Mixed(int, Animal):
    pass


print('MRO order decides:', describe(Mixed(1)))

# Errors.
try:
    describe()
except TypeError as e:
    print('TypeError:', e)
try:
    describe.register(5, lambda x: x)
except TypeError as e:
    print('TypeError:', e)


def unannotated(x):
    return x


try:
    describe.register(unannotated)
except TypeError as e:
    print('TypeError:', str(e).split(' at 0x')[0] + '...' if ' at 0x' in str(e) else e)


# Annotations: classes, None (meaning NoneType), names resolved in the
# function's globals (builtins included), and things that are not classes.
@singledispatch
def by_ann(x):
    return 'base'


for ann in (5, None, 'int', 'Animal', 'Undefined', 'list[int]'):
    def impl(x):
        return 'impl for %r' % (ann,)
    impl.__annotations__ = {'x': ann}
    try:
        by_ann.register(impl)
        print(repr(ann), 'registered:', by_ann(None), '|', by_ann(1), '|', by_ann(Dog()))
    except (TypeError, NameError) as e:
        print(repr(ann), type(e).__name__ + ':', e)


# The first annotated parameter decides, whatever its position.
def second(x, y: bytes):
    return 'second'


by_ann.register(second)
print(by_ann.dispatch(bytes).__name__)

# Union types register every member.
by_ann.register(float | complex, lambda x: 'float or complex')
print(by_ann(1.5), by_ann(2j), by_ann('s'))


def union_ann(x: tuple | set):
    return 'tuple or set'


by_ann.register(union_ann)
print(by_ann(()), by_ann(set()), by_ann(frozenset()))


def bad_union(x: bytearray | list[int]):
    return 'never'


try:
    by_ann.register(bad_union)
except TypeError as e:
    print('TypeError:', e)
try:
    by_ann.register(list[int], lambda x: 1)
except TypeError as e:
    print('TypeError:', e)
try:
    describe.register(42)
except TypeError as e:
    print('TypeError:', e)

# register(cls) without a function returns a decorator.
deco = describe.register(float)
print(callable(deco))
deco(lambda x, suffix='': 'float!')
print(describe(1.5))


@singledispatch
def nameless(x):
    return 'base'


try:
    nameless()
except TypeError as e:
    print('TypeError:', e)


# singledispatchmethod on instance, class and static methods.
class Formatter:
    def __init__(self, prefix):
        self.prefix = prefix

    @singledispatchmethod
    def fmt(self, arg):
        """fmt doc"""
        return self.prefix + 'other'

    @fmt.register
    def _(self, arg: int):
        return self.prefix + 'int %d' % arg

    @fmt.register(list)
    def _(self, arg):
        return self.prefix + 'list'

    @singledispatchmethod
    @classmethod
    def build(cls, arg):
        return cls.__name__ + ' from other'

    @build.register
    @classmethod
    def _(cls, arg: str):
        return cls.__name__ + ' from str ' + arg

    @singledispatchmethod
    @staticmethod
    def kind(arg):
        return 'static other'

    @kind.register
    @staticmethod
    def _(arg: bytes):
        return 'static bytes'


f = Formatter('> ')
print(f.fmt(1), f.fmt([1]), f.fmt('x'), f.fmt.__name__, f.fmt.__doc__)
print(Formatter.build('s'), Formatter.build(1), f.build('t'))
print(Formatter.kind(b'x'), Formatter.kind(1), f.kind(b''))
try:
    singledispatchmethod(5)
except TypeError as e:
    print('TypeError:', e)


# cached_property
class Data:
    def __init__(self, n):
        self.n = n
        self.computed = 0

    @cached_property
    def total(self):
        """sum of range"""
        self.computed += 1
        return sum(range(self.n))


d = Data(10)
print(d.total, d.total, d.computed, d.__dict__['total'])
d.total = 'overridden'
print(d.total)
del d.total
print(d.total, d.computed)
print(type(Data.total).__name__, Data.total.__doc__, Data.total.attrname, Data.total.func.__name__)


class Slotted:
    __slots__ = ('x',)

    @cached_property
    def prop(self):
        return 1


try:
    Slotted().prop
except TypeError as e:
    print('TypeError:', e)

cp = cached_property(lambda self: 1)
try:
    class Two:
        a = cp
        b = cp
except (TypeError, RuntimeError) as e:
    print(type(e).__name__ + ':', e if type(e) is TypeError else e.__cause__)


class Late:
    pass


Late.value = cached_property(lambda self: 5)
try:
    Late().value
except TypeError as e:
    print('TypeError:', e)


class Reuse:
    a = cp


cp.__set_name__(Reuse, 'a')
print('same name again is fine:', Reuse().a)


class Raises:
    @cached_property
    def boom(self):
        raise ValueError('not cached')


r = Raises()
for _ in range(2):
    try:
        r.boom
    except ValueError as e:
        print('ValueError:', e, 'boom' in r.__dict__)
