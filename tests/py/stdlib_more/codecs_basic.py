# codecs: encode/decode through the registry, lookup names, BOMs,
# incremental utf-8 decoding across chunk boundaries, escape codecs.
import codecs

print(codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xc3\xa9llo", "utf-8"))
print(codecs.encode("héllo", "latin-1"), codecs.decode(b"\xe9", "latin_1"), codecs.encode("x", "UTF-16-LE"))
print(codecs.encode("é", "ascii", "replace"), codecs.decode(b"a\xffb", "utf-8", "replace"),
      codecs.decode(b"a\xffb", "utf-8", "ignore"))
for name in ["utf-8", "UTF8", "latin-1", "ascii", "utf-16", "utf_32_be", "utf-8-sig",
             "unicode_escape", "rot13", "hex"]:
    print(name, codecs.lookup(name).name)
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print(e)
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)
print(codecs.encode("abc", "utf-8-sig"), codecs.decode(b"\xef\xbb\xbfabc", "utf-8-sig"),
      codecs.decode(b"abc", "utf-8-sig"))
dec = codecs.getincrementaldecoder("utf-8")()
data = "naïve ☃ café €".encode("utf-8")
print([dec.decode(data[i:i + 1]) for i in range(len(data))][:12], dec.decode(b"", final=True))
print("".join(codecs.iterdecode([data[:5], data[5:9], data[9:]], "utf-8")))
print(b"".join(codecs.iterencode(["ab", "cé"], "utf-8")))
enc = codecs.getencoder("utf-8")
print(enc("ü"), codecs.getdecoder("latin-1")(b"\xfc"))
print(codecs.decode(r"tab\there\nnl \x41 \u00e9 \101", "unicode_escape"),
      codecs.encode("a\tb\xe9\u20ac", "unicode_escape"),
      codecs.decode(b"\\u20ac\\x41", "raw_unicode_escape"))
print(codecs.encode("Hello", "rot13"), codecs.encode(b"\x01\xff", "hex"), codecs.decode(b"01ff", "hex"))
print(codecs.lookup_error("strict").__name__, codecs.lookup_error("replace").__name__)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print(e)
info = codecs.lookup("utf-8")
print(isinstance(info, tuple), len(info), info.encode("x"), info[1](b"y"))


def search(name):
    if name == "upper_test":
        return codecs.CodecInfo(lambda s, errors="strict": (s.upper().encode(), len(s)),
                                lambda b, errors="strict": (bytes(b).decode().lower(), len(b)),
                                name="upper_test")


codecs.register(search)
print(codecs.encode("abc", "upper_test"), codecs.decode(b"ABC", "upper_test"))
