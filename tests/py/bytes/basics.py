b = b"hello world"
print(b[0], b[-1], b[0:5], b[::-1], len(b))
print(b + b"!", b * 2, b"o" in b, 111 in b, b.count(b"o"))
print(list(b"abc"), bytes([65, 66, 67]), bytes(3), bytes(b"copy"))
print(b"abc" == b"abc", b"abc" < b"abd", b"a" != "a")
print(bytes("héllo", "utf-8"), "héllo".encode(), b"h\xc3\xa9llo".decode())
for x in b"hi":
    print(x)
