ba = bytearray(b"hello")
ba[0] = 72
print(ba, len(ba))
ba.append(33)
ba.extend(b" ok")
print(ba, bytes(ba))
del ba[0]
print(ba, ba.pop(), ba)
ba[0:2] = b"EE"
print(ba)
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
ba2 = bytearray(b"abc")
ba2.reverse()
print(ba2, ba2.decode(), ba2 == b"cba")
print(ba2.upper(), type(ba2.upper()).__name__)
