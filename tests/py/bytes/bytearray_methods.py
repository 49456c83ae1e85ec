ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"
print(ba)
ba.insert(0, 62)
ba.remove(32)
print(ba, ba.count(b"l"), ba.find(b"w"))
ba += b"!"
print(ba, len(ba))
ba2 = ba.copy()
ba2.clear()
print(ba2, ba)
print(bytearray(b"abc") + b"def", bytearray(b"x") * 3)
print(bytearray(b"a b").split(), bytearray(b"Q").lower())
try:
    ba.remove(0)
except ValueError as e:
    print(e)
