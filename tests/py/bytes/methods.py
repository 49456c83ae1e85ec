b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.upper(), b.lower())
print(b.split(b","), b"a b  c".split(), b"-".join([b"a", b"b"]))
print(b.find(b"World"), b.replace(b"World", b"There"), b.startswith(b"  H"))
print(b"abc".hex(), bytes.fromhex("de ad be ef"), b"\x00\xff".hex())
print(b"abc".isalpha(), b"123".isdigit(), b"Ab1".isalnum(), b"  ".isspace())
print(b"x=1".partition(b"="), b"hello".center(9, b"*"), b"7".zfill(3))
