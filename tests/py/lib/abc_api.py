# abc: abstract-method bookkeeping, the deprecated abstract* wrappers,
# update_abstractmethods, register() and its errors, cache tokens, hooks.
import abc
from abc import (ABC, ABCMeta, abstractmethod, abstractclassmethod,
                 abstractstaticmethod, abstractproperty, update_abstractmethods,
                 get_cache_token)


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


class One(ABC):
    @abstractmethod
    def run(self):
        return 'base run'


class Many(ABC):
    @abstractclassmethod
    def make(cls):
        pass

    @abstractstaticmethod
    def helper():
        pass

    @abstractproperty
    def size(self):
        pass

    @property
    def plain(self):
        return 1


attempt('one', One)
attempt('many', Many)
print(sorted(Many.__abstractmethods__), One.__abstractmethods__)


class Done(One):
    def run(self):
        return 'done+' + super().run()


print(Done().run(), Done.__abstractmethods__, isinstance(Done(), One), ABC.__abstractmethods__)


class StillAbstract(One):
    @abstractmethod
    def extra(self):
        pass


print(sorted(StillAbstract.__abstractmethods__))


class Setter(ABC):
    def _get(self):
        return 1

    @abstractmethod
    def _set(self, v):
        pass

    value = property(_get, _set)


print(sorted(Setter.__abstractmethods__))


class Cm(ABC):
    @classmethod
    @abstractmethod
    def build(cls):
        pass

    @staticmethod
    @abstractmethod
    def util():
        pass


print(sorted(Cm.__abstractmethods__))


class Meta2(metaclass=ABCMeta):
    @abstractmethod
    def go(self):
        pass


attempt('meta2', Meta2)


class Fixable(ABC):
    @abstractmethod
    def need(self):
        pass


Fixable.need = lambda self: 'filled'
print(sorted(Fixable.__abstractmethods__))
update_abstractmethods(Fixable)
print(sorted(Fixable.__abstractmethods__), Fixable().need())


class NotAbc:
    pass


print(update_abstractmethods(NotAbc) is NotAbc)

token = get_cache_token()


class Reg(ABC):
    pass


Reg.register(tuple)
print(get_cache_token() != token, isinstance((), Reg), issubclass(tuple, Reg))
print(Reg.register(list) is list, issubclass(list, Reg), Reg.register(list) is list)
attempt('reg-nonclass', lambda: Reg.register(3))


class Child(Reg):
    pass


attempt('reg-cycle', lambda: Child.register(Reg))
print(Child.register(Child) is Child)
attempt('subclass-nonclass', lambda: issubclass(3, Reg))


class SubReg(Reg):
    pass


SubReg.register(dict)
print(issubclass(dict, Reg), issubclass(dict, SubReg), isinstance({}, Reg), issubclass(set, Reg))


class Never(ABC):
    @classmethod
    def __subclasshook__(cls, other):
        return False


Never.register(int)
print(issubclass(int, Never), issubclass(bool, Never))


class Pretend:
    @property
    def __class__(self):
        return int


print(isinstance(Pretend(), Reg), Reg.register(int) is int, isinstance(Pretend(), Reg))
print(type(ABC), ABC.__slots__, abc.ABCMeta.__name__, getattr(abstractmethod(lambda: 0), '__isabstractmethod__'))
print([k for k in sorted(vars(abc)) if not k.startswith('_')])
