# Attribute descriptors of builtin types (getset_descriptor) and __slots__
# members (member_descriptor) both have a __qualname__ "Owner.name".


class Outer:
    __slots__ = ("first",)

    class Inner:
        __slots__ = ("second", "third")


print(Outer.first.__qualname__, Outer.Inner.second.__qualname__, Outer.Inner.third.__name__)
for descr in (BaseException.args, Exception.args, SyntaxError.msg, int.real, complex.imag,
              type.__dict__["__dict__"], Outer.first):
    print(descr.__name__, descr.__qualname__)
print(type(Outer.first).__name__)
