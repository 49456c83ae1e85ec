# ABCMeta.__subclasscheck__ consults the class's own __subclasses__ (errors
# and bad results surface), and an abstract flag whose truth test raises
# propagates out of the class statement.
import abc


class Base(abc.ABC):
    pass

class Child(Base):
    pass

class Grandchild(Child):
    pass

print(issubclass(Grandchild, Base), issubclass(int, Base))

for i, bogus in enumerate([None, lambda x: [], lambda: 42, lambda: [42], lambda: (int,)]):
    class S(metaclass=abc.ABCMeta):
        __subclasses__ = bogus
    try:
        print(i, issubclass(int, S))
    except TypeError as e:
        print(i, 'TypeError')


class Boom(Exception):
    pass

def explode():
    raise Boom('from __subclasses__')

class T(metaclass=abc.ABCMeta):
    __subclasses__ = explode
try:
    issubclass(int, T)
except Boom as e:
    print('Boom', e)


class Picky(metaclass=abc.ABCMeta):
    __subclasses__ = lambda: [bool]
print(issubclass(bool, Picky), issubclass(int, Picky))


class NotBool:
    def __bool__(self):
        raise ValueError('no truth')

try:
    class F(abc.ABC):
        def bar(self):
            pass
        bar.__isabstractmethod__ = NotBool()
except ValueError as e:
    print('ValueError', e)


class Abstract(abc.ABC):
    @property
    @abc.abstractmethod
    def size(self):
        ...

    @classmethod
    @abc.abstractmethod
    def make(cls):
        ...

print(sorted(Abstract.__abstractmethods__))
