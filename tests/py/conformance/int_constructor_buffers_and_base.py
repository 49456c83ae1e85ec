# int() of bytes-like objects other than bytes, and the base argument.
import array


class MyBytes(bytes):
    pass


class MyByteArray(bytearray):
    pass


print(int(memoryview(b"123")), int(memoryview(b"9123")[1:3]))
print(int(array.array("B", b"456")))
print(int(MyBytes(b"12")), int(MyByteArray(b"34")), int(MyByteArray(b"ff"), 16))
for obj in (memoryview(b"12"), array.array("B", b"12")):
    try:
        int(obj, 10)
    except TypeError as e:
        print("TypeError", e)
try:
    int(array.array("B", b"1x"))
except ValueError as e:
    print("ValueError", e)

# Any base outside 2..36 (other than 0) is a ValueError, however large.
for base in (2 ** 100, -(2 ** 100), 1, 37, -1):
    try:
        int("10", base)
    except ValueError as e:
        print("ValueError", base.bit_length(), e)


class Base:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


print(int("zz", Base(36)), int("101", base=Base(2)))
