# classmethod/staticmethod copy the wrapped function's __doc__, __name__,
# __qualname__, __module__ and __annotations__, and (3.9-3.12) a classmethod
# around another descriptor binds through that descriptor's __get__.
def func(x: int) -> int:
    "the function's doc"
    return x

for wrap in (classmethod, staticmethod):
    w = wrap(func)
    print(wrap.__name__, w.__doc__, w.__name__, w.__qualname__, w.__module__,
          w.__annotations__ is func.__annotations__, w.__wrapped__ is func)
    w.__doc__ = "changed"
    print(w.__doc__, func.__doc__)

class Wrapper:
    def __init__(self, wrapped):
        self.__wrapped__ = wrapped
    def __get__(self, instance, owner):
        bound = self.__wrapped__.__get__(instance, owner)
        return lambda *a: ("wrapped", bound(*a))

class Host:
    @classmethod
    @Wrapper
    def outer(cls):
        return cls.__name__

    @classmethod
    @classmethod
    def twice(cls):
        return cls

print(Host.outer())
print(Host().outer())
print(Host.twice() is type, Host().twice() is type)

class Sub(Host):
    pass
print(Sub.outer())
