# bytes/bytearray translate, maketrans, expandtabs, istitle and __bytes__.
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), table[97:100])
print(b"aabbcc-d".translate(table), bytearray(b"abcd").translate(table))
print(b"hello world".translate(None, b"lo"), b"hello".translate(table, delete=b"h"))
print(bytearray(b"abc").translate(None, delete=bytearray(b"b")), type(bytearray(b"a").translate(None)).__name__)
print(bytearray.maketrans(b"a", b"b") == bytes.maketrans(b"a", b"b"), type(bytearray.maketrans(b"", b"")).__name__)
print(b"a\tbc\td\n\tx".expandtabs(), b"a\tb".expandtabs(4), b"a\tb".expandtabs(tabsize=0), bytearray(b"\t\r\tz").expandtabs(2))
for b in (b"Hello World", b"Hello world", b"HELLO", b"", b"123", b"A1b", b"Ab Cd-Ef", b"aB"):
    print(b, b.istitle(), bytearray(b).istitle())
print(b"x".__bytes__(), bytes(memoryview(b"ab")))
class B(bytes):
    pass
print(type(B(b"q").__bytes__()).__name__, type(B(b"q").translate(None)).__name__)
for bad in (lambda: b"a".translate(b"short"), lambda: bytes.maketrans(b"ab", b"c"),
            lambda: bytes.maketrans("a", "b"), lambda: b"a".translate("x" * 256),
            lambda: b"a".expandtabs("2"), lambda: b"a".translate(None, "a")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
