# int.from_bytes takes anything bytes() takes, except str and int.
import array


class HasBytes:
    def __bytes__(self):
        return b"\x01\x00"


class BadBytes:
    def __bytes__(self):
        return "no"


print(int.from_bytes(HasBytes(), "big"), int.from_bytes(HasBytes(), "little"))
print(int.from_bytes(array.array("B", [1, 2]), "big"))
print(int.from_bytes((1, 2, 3), "big"), int.from_bytes(iter([255]), "big", signed=True))
print(int.from_bytes(bytearray(b"\x00\x10"), "big"))
for bad in (BadBytes(), 5, True, 1.5, "ab", None):
    try:
        int.from_bytes(bad, "big")
    except TypeError as e:
        print("TypeError", e)
try:
    int.from_bytes([256], "big")
except ValueError as e:
    print("ValueError", e)
