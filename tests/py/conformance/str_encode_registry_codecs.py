# str.encode / bytes.decode reach the codecs registry for codecs the core
# does not implement, and refuse non-text codecs.
import codecs

print("a\t\xe9\u20ac".encode("unicode-escape"))
print(b"a\\n\\u20ac\\x41".decode("unicode_escape"))
print("\xe9\u1234".encode("raw-unicode-escape"), b"\\u20ac".decode("raw_unicode_escape"))
print(str(b"\\x41", "unicode-escape"))
for call in (lambda: "a".encode("rot13"), lambda: b"61".decode("hex"),
             lambda: "a".encode("no-such-codec"), lambda: b"a".decode("no-such-codec")):
    try:
        print(call())
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)


def search(name):
    if name == "upper_text":
        return codecs.CodecInfo(lambda s, errors="strict": (s.upper().encode("ascii"), len(s)),
                                lambda b, errors="strict": (bytes(b).decode("ascii").lower(), len(b)),
                                name="upper_text")
    if name == "identity_wrong":
        return codecs.CodecInfo(lambda s, errors="strict": (s, len(s)),
                                lambda b, errors="strict": (bytes(b), len(b)), name="identity_wrong")
    return None


codecs.register(search)
print("abc".encode("upper_text"), b"XYZ".decode("upper_text"))
for call in (lambda: "a".encode("identity_wrong"), lambda: b"a".decode("identity_wrong")):
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
