# Subclassing groups: __new__ keeps the subclass, derive() decides what the
# parts of split()/subgroup() are, and the nesting rules apply to subclasses.
class MyEG(ExceptionGroup):
    def __new__(cls, message, excs, code):
        self = super().__new__(cls, message, excs)
        self.code = code
        return self

    def __init__(self, message, excs, code):
        super().__init__(message, excs)

    def derive(self, excs):
        return MyEG(self.message, excs, self.code)


eg = MyEG("mine", [ValueError(1), TypeError(2), ValueError(3)], 42)
print(repr(eg), str(eg), eg.code)
match, rest = eg.split(ValueError)
print(type(match).__name__, match.code, match.exceptions, type(rest).__name__, rest.exceptions)


class Plain(ExceptionGroup):
    pass


p = Plain("plain", [ValueError(1), TypeError(2)])
print(repr(p))
m, r = p.split(TypeError)
print(type(m).__name__, repr(m), type(r).__name__)


class BaseOnly(BaseExceptionGroup):
    pass


print(type(BaseOnly("b", [ValueError()])).__name__)
print(type(BaseOnly("b", [KeyboardInterrupt()])).__name__)


class Mixed(BaseExceptionGroup, Exception):
    pass


try:
    Mixed("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
print(repr(Mixed("ok", [ValueError()])))


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 5


try:
    BadDerive("bad", [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print("TypeError", e)

d = ExceptionGroup("base", [ValueError()]).derive([KeyboardInterrupt()])
print(type(d).__name__, repr(d))
