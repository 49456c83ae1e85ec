b = b"a,b,,c,d"
print(b.split(b",", 2), b.rsplit(b",", 1), b.count(b","), b.index(b"c"))
print(b.startswith((b"x", b"a")), b.endswith(b"d"), b.rfind(b","), b.find(b"z"))
print(b"-".join([b"x", bytearray(b"y")]), b"ab" * 3, b"abc".replace(b"b", b""))
print(b"Hello World".title(), b"hello".capitalize(), b"AbC".swapcase())
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"%d-%s" % (1, b"z"))
print(b"abc" < b"abd", b"" < b"a", max(b"hello"), sorted(b"cba"))
print(bytes(range(65, 70)), bytes.fromhex("4142").decode(), b"\x01\x02".hex(":"))
try:
    b"-".join(["str"])
except TypeError as e:
    print(e)
