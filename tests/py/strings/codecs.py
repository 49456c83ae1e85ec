s = "aé€😀"
print(s.encode(), s.encode("utf-8"), s.encode("latin-1", "replace"), s.encode("ascii", "ignore"))
print(s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"))
print(b"a\xffb".decode("ascii", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"))
print(str(b"abc", "ascii"), str(b"\xe2\x82\xac", encoding="utf-8"), str(b"x"))
for bad in [b"\xff", b"a\xe2\x82", b"\xe2\x28\xa1", b"\xed\xa0\x80", b"\xc0\x80", b"ab\xf0\x9f\x98"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print(e, e.start, e.end, e.reason)
for enc in ["ascii", "latin-1"]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(e, e.start, e.end)
for f in [lambda: "a".encode("nope"), lambda: b"\xff".decode("utf-8", "nope"),
          lambda: str("x", "utf-8"), lambda: str(1, "utf-8"), lambda: "\ud800".encode()]:
    try:
        f()
    except (LookupError, TypeError, UnicodeEncodeError) as e:
        print(type(e).__name__, e)
print(b"a\xff".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
