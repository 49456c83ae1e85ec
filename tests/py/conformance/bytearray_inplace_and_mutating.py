# bytearray *= n works in place; item assignment converts the value before
# checking the index; bytes * 1 is the same object; hex(sep) may be NUL.
b = bytearray(b"abc")
alias = b
b *= 3
print(b, b is alias)
b *= 0
print(b, b is alias)
b = bytearray(b"x")
view = memoryview(b)
try:
    b *= 2
except BufferError as e:
    print("BufferError", e)
b *= 1
print(b)
view.release()
b *= 4
print(b)


class Clearing:
    def __index__(self):
        target.clear()
        return 65


target = bytearray(b"Now you see me")
try:
    target[3] = Clearing()
except IndexError as e:
    print("IndexError", e)
print(target)
target = bytearray(b"abc")
target[-1] = Clearing() if False else 66
print(target)

data = b"xy"
print(data * 1 is data, (data * 2), bytes(b"xy") * 1 == data)
print(repr(b"\xb9\x01\xef".hex(b"\x00")), bytearray(b"\xb9\x01\xef").hex("\x00", 2) == "b9\x0001ef")


class StrWithBytes(str):
    def __new__(cls, value):
        self = str.__new__(cls, "\xe9")
        self.value = value
        return self

    def __bytes__(self):
        return self.value


print(bytes(StrWithBytes(b"abc")), bytes(StrWithBytes(b"abc"), "latin-1"))
try:
    bytearray(StrWithBytes(b"abc"))
except TypeError as e:
    print("TypeError", e)
