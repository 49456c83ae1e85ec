# Assigning __class__ needs the same layout, and for classes with __slots__
# that means the same slot names, not only the same number of slots.


class Left:
    __slots__ = ("x",)


class Right:
    __slots__ = ("y",)


class LeftAgain:
    __slots__ = ("x",)


class TwoSlots:
    __slots__ = ("b", "a")


class TwoSlotsOtherOrder:
    __slots__ = ("a", "b")


class Plain:
    pass


class AlsoPlain:
    pass


def attempt(obj, cls):
    try:
        obj.__class__ = cls
    except TypeError as exc:
        print(type(obj).__name__, "->", cls.__name__, "TypeError:", exc)
    else:
        print(type(obj).__name__, "->", cls.__name__, "ok")


attempt(Left(), Right)
attempt(Left(), LeftAgain)
attempt(TwoSlots(), TwoSlotsOtherOrder)
attempt(Plain(), AlsoPlain)
attempt(Plain(), Left)
obj = LeftAgain()
obj.x = 5
obj.__class__ = Left
print(type(obj).__name__, obj.x)
