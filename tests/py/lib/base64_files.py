# base64: Base32 padding and digit errors in every position, map01 and
# casefold, the file-to-file encode/decode helpers, MIME line wrapping,
# memoryview and bytearray inputs, and the argument errors.
import base64
import binascii
import io

for size in range(0, 12):
    data = bytes(range(40, 40 + size))
    enc32 = base64.b32encode(data)
    print(size, enc32, base64.b32hexencode(data), base64.b32decode(enc32) == data,
          base64.b32hexdecode(base64.b32hexencode(data).lower(), casefold=True) == data)

for text in ["MZXW6===", "MZXW6YQ=", "MZXW6YTB", "MY======", "MZXQ====", "MZXW6YTBOI======",
             "M=======", "MZX=====", "MZXW6Y==", "========", "MZXW6YT", "MZ=W6===", "mzxw6===",
             "MZXW6!==", "", "ME======"]:
    try:
        print(repr(text), base64.b32decode(text))
    except binascii.Error as e:
        print(repr(text), "Error:", e)
print(base64.b32decode("MZXW6===".lower(), casefold=True))
print(base64.b32decode("0I======", map01=b"L") if False else base64.b32decode("01======", map01="I"))
print(base64.b32decode("01======", map01=b"L"), base64.b32decode(b"O0======", map01=b"L"))
for bad in ["GG", "0g", "abc"]:
    try:
        print(base64.b16decode(bad))
    except binascii.Error as e:
        print(repr(bad), "Error:", e)
print(base64.b16decode("0aFf", casefold=True), base64.b16encode(memoryview(b"\x00\xff")),
      base64.b16decode(bytearray(b"414243")))

# Inputs of every accepted kind.
for value in (b"abc", bytearray(b"abc"), memoryview(b"abc")):
    print(base64.b64encode(value), base64.urlsafe_b64encode(value), base64.encodebytes(value),
          base64.b64decode(base64.b64encode(value)), base64.decodebytes(bytearray(b"YWJj\n")))
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode(b"-_8=", altchars=b"-_"),
      base64.urlsafe_b64decode("-_8="), base64.urlsafe_b64decode(bytearray(b"-_8=")))
print(base64.b64encode(b"\xfb\xff", b"+/"), base64.b64decode("+/8=", "+/"))

# MIME line wrapping.
blob = bytes(range(256)) * 2
wrapped = base64.encodebytes(blob)
print(wrapped.count(b"\n"), [len(line) for line in wrapped.split(b"\n")][:3], wrapped[-10:])
print(base64.encodebytes(b""), base64.encodebytes(b"x" * 57).count(b"\n"), base64.encodebytes(b"x" * 58).count(b"\n"))
print(base64.MAXLINESIZE, base64.MAXBINSIZE)


class Trickle(io.BytesIO):
    # Hands out at most 10 bytes per read, like a pipe would.
    def read(self, size=-1):
        return super().read(min(size, 10) if size and size > 0 else 10)


# Empty buffers are made with io.BytesIO(), never io.BytesIO(b""): writing
# b"" to an empty BytesIO trips a UBSan report in src/mod/io_memory.c
# (memcpy into a NULL buffer), a separate bug.
for source in (io.BytesIO(blob), Trickle(blob), io.BytesIO(), io.BytesIO(b"x" * 57)):
    out = io.BytesIO()
    base64.encode(source, out)
    text = out.getvalue()
    back = io.BytesIO()
    base64.decode(io.BytesIO(text) if text else io.BytesIO(), back)
    print(len(text), text == base64.encodebytes(source.getvalue()), back.getvalue() == source.getvalue())

for call in (lambda: base64.b64encode("text"), lambda: base64.encodebytes("text"),
             lambda: base64.decodebytes("YQ=="), lambda: base64.b32encode([1]),
             lambda: base64.b64decode(3.5), lambda: base64.b32decode("ÀÀ======"),
             lambda: base64.b16encode(None), lambda: base64.urlsafe_b64decode(None)):
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for call in (lambda: base64.b64encode(b"x", altchars=b"abc"), lambda: base64.b64decode(b"x", altchars=b"a"),
             lambda: base64.b32decode("MZXW6===", map01=b"LL")):
    try:
        call()
    except AssertionError as e:
        print("AssertionError:", e)
