cases = [
    lambda: b"a" + "b",
    lambda: b"abc"[10],
    lambda: bytes([256]),
    lambda: b"\xff".decode("utf-8"),
    lambda: bytearray(b"x").__setitem__(0, 300),
    lambda: "é".encode("ascii"),
    lambda: bytes.fromhex("zz"),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__, e)
