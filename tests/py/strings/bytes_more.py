b = b"hello world"
print(b.upper(), b.title(), b.capitalize(), b.swapcase(), b.center(15, b"*"), b.zfill(13))
print(b.split(), b.split(b"o"), b.rsplit(None, 1), b.partition(b" "), b.rpartition(b"o"))
print(b.find(b"o"), b.rfind(b"o"), b.count(b"l"), b.index(111), 111 in b, b"wor" in b)
print(b.replace(b"l", b"L", 2), b.strip(b"hd"), b"  x  ".lstrip(), b"  x  ".rstrip())
print(b.hex(), b.hex("-", 4), bytes.fromhex("de ad BE EF"), bytearray.fromhex("00ff"))
print(b"%s:%d:%5.2f:%c:%r:%x" % (b"k", 7, 1.5, 65, b"q", 255))
print(bytes(3), bytes([1, 2, 255]), bytes("é", "utf-8"), bytes(range(3)), bytes(b"x"))
print(list(b"ab"), b"ab"[0], b"abc"[-1], b"abcdef"[1::2], b"ab" * 2, b"a" + bytearray(b"b"))
print(b"a" < b"b", b"a" == bytearray(b"a"), hash(b"abc") == hash(b"abc"), b"" < b"\x00")
ba = bytearray(b"abc")
ba[0] = 65
ba[1:2] = b"XYZ"
del ba[-1]
ba += b"!"
ba.extend([33, 34])
ba.insert(0, 60)
print(ba, ba.pop(), ba.pop(0), len(ba), ba.decode())
ba[::2] = b"123"
print(ba, ba.copy(), bytearray(2), bytearray(b"q") * 3)
del ba[::2]
print(ba)
for f in [lambda: bytes(-1), lambda: bytes("a"), lambda: bytes([256]), lambda: bytes(["a"]),
          lambda: b"a"[5], lambda: bytearray(b"a")[5], lambda: b"a" + "x", lambda: "x" in b"a",
          lambda: 300 in b"a", lambda: bytes.fromhex("zz"), lambda: bytearray().pop(),
          lambda: hash(bytearray()), lambda: b"a".join([1]), lambda: b"%s" % 1,
          lambda: b"x".split(b""), lambda: bytearray(b"a").remove(9)]:
    try:
        print(f())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
