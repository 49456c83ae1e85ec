# abc: virtual subclasses through register() and __subclasshook__.
from abc import ABC, ABCMeta
class Iface(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if any("quack" in B.__dict__ for B in C.__mro__): return True
        return NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), Iface), issubclass(int, Iface))
class Reg(ABC): pass
Reg.register(int)
print(isinstance(3, Reg), issubclass(bool, Reg), isinstance('x', Reg))

class Sized2(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented
print(isinstance([], Sized2), isinstance(3, Sized2), issubclass(dict, Sized2))
@Reg.register
class Later: pass
print(issubclass(Later, Reg), isinstance(Later(), Reg))
