# float(): subclasses defining __float__, keywords taken by a subclass's
# __init__, other bytes-like arguments, and float.__getformat__.
import array


class WithFloat(float):
    def __float__(self):
        return 42.0


class WithBadFloat(float):
    def __float__(self):
        return 42


class Plain(float):
    pass


class WithInit(float):
    def __init__(self, value, extra=None):
        self.extra = extra


print(float(WithFloat(1.0)), float(Plain(2.0)), WithFloat(3.0) + 1)
try:
    float(WithBadFloat(1.0))
except TypeError as e:
    print("TypeError", e)
w = WithInit(2.5, extra="x")
print(w, w.extra, type(w).__name__)
for call in (lambda: Plain(x=1), lambda: float(x=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


class MyByteArray(bytearray):
    pass


print(float(array.array("B", b"3.25")), float(MyByteArray(b" 1e3 ")), float(memoryview(b"7")))
print(float.__getformat__("double") in ("IEEE, little-endian", "IEEE, big-endian"))
print(float.__getformat__("float") == float.__getformat__("double"))
try:
    float.__getformat__("chars")
except ValueError as e:
    print("ValueError", e)


class StrWithFloat(str):
    def __float__(self):
        return float(str(self)) + 1


class PlainStr(str):
    pass


print(float(StrWithFloat("8")), float(PlainStr("2.5")))
