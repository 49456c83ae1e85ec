# codecs: CodecInfo fields, the incremental coder base classes, registry
# search functions, iterencode/iterdecode, codecs.open, the BOM constants
# and the standard error handlers called directly.
import codecs
import os
import sys
import tempfile

print(codecs.BOM_UTF8, codecs.BOM_LE, codecs.BOM_BE, codecs.BOM32_LE, codecs.BOM32_BE,
      codecs.BOM64_LE, codecs.BOM64_BE, codecs.BOM_UTF32_BE)
native = codecs.BOM_UTF16_LE if sys.byteorder == "little" else codecs.BOM_UTF16_BE
print(codecs.BOM == codecs.BOM_UTF16 == native, len(codecs.BOM_UTF32))


def enc(text, errors="strict"):
    return text.encode("ascii"), len(text)


def dec(data, errors="strict"):
    return bytes(data).decode("ascii"), len(data)


info = codecs.CodecInfo(enc, dec, name="mine")
print(info.name, info.encode is enc, info.decode is dec, info.incrementalencoder,
      info.incrementaldecoder, info.streamreader, info.streamwriter, info._is_text_encoding)
print(len(info), info[0] is enc, info[1] is dec, info[2], info[3], isinstance(info, tuple))
print(codecs.CodecInfo(enc, dec, name="bin", _is_text_encoding=False)._is_text_encoding)
r = repr(info)
print(r.startswith("<codecs.CodecInfo object for encoding mine at 0x"))

# Base classes of the incremental coders.
e = codecs.IncrementalEncoder()
d = codecs.IncrementalDecoder("ignore")
print(e.errors, d.errors, e.getstate(), d.getstate(), e.reset(), d.reset(), e.setstate(0), d.setstate((b"", 0)))
for call in (lambda: e.encode("x"), lambda: d.decode(b"x")):
    try:
        call()
    except NotImplementedError:
        print("NotImplementedError")


class Pairs(codecs.BufferedIncrementalDecoder):
    # Decodes two bytes at a time, keeping an odd one for later.
    def _buffer_decode(self, data, errors, final):
        usable = len(data) if final else len(data) // 2 * 2
        return data[:usable].decode("ascii").upper(), usable


p = Pairs()
print(repr(p.decode(b"abc")), p.getstate(), repr(p.decode(b"d")), repr(p.decode(b"e")), p.buffer)
p.setstate((b"zz", 0))
print(p.decode(b"", final=True), p.getstate())
p.decode(b"q")
p.reset()
print(p.getstate(), p.errors)


# Search functions.
def finder(name):
    print("  search:", name)
    if name == "my_codec":
        return codecs.CodecInfo(enc, dec, name="my-codec")
    if name == "tuple_codec":
        return (enc, dec, None, None)
    if name == "bad_codec":
        return 42
    return None


codecs.register(finder)
print(codecs.lookup("My-Codec").name, codecs.lookup("my codec").name)
print(codecs.lookup("tuple codec")[0] is enc, type(codecs.lookup("tuple_codec")).__name__)
try:
    codecs.lookup("bad-codec")
except TypeError as e:
    print("TypeError:", e)
print(codecs.encode("abc", "my_codec"), codecs.decode(b"abc", "my_codec"),
      codecs.getencoder("my_codec") is enc, codecs.getdecoder("my_codec") is dec)
print(codecs.getreader("my_codec"), codecs.getwriter("my_codec"))
for call in (lambda: codecs.getincrementalencoder("my_codec"), lambda: codecs.getincrementaldecoder("my_codec")):
    try:
        call()
    except LookupError as e:
        print("LookupError:", e)
codecs.unregister(finder)
try:
    codecs.lookup("my_codec")
except LookupError as e:
    print("LookupError:", e)
for bad in (lambda: codecs.register(3), lambda: codecs.lookup(3), lambda: codecs.register_error("x", 3)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# iterencode / iterdecode drop empty pieces.
data = "ab€c".encode("utf-8")
print(list(codecs.iterdecode([data[:3], data[3:4], data[4:]], "utf-8")))
print(list(codecs.iterencode(["", "a", "", "€"], "utf-8")), list(codecs.iterdecode([], "utf-8")))
print(list(codecs.iterdecode([b"\xe2\x82"], "utf-8", "replace")))

# codecs.open.
path = os.path.join(tempfile.mkdtemp(), "text.txt")
with codecs.open(path, "w", encoding="utf-16") as f:
    f.write("héllo\n")
with open(path, "rb") as f:
    raw = f.read()
print(raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), len(raw))
with codecs.open(path, "r", encoding="utf-16") as f:
    print(repr(f.read()))
os.remove(path)
with codecs.open(path, "w") as f:
    f.write("plain\n")
with codecs.open(path, "rb") as f:
    print(f.read())
with codecs.open(path, "rb", encoding="ascii") as f:
    print(repr(f.read()))
os.remove(path)

# Error handlers.
eerr = UnicodeEncodeError("ascii", "aé€\U0001f600z", 1, 4, "nope")
derr = UnicodeDecodeError("utf-8", b"a\xff\xfez", 1, 3, "bad")
# (namereplace needs unicodedata, which gilpy lacks.)
for name in ("ignore", "replace", "xmlcharrefreplace", "backslashreplace"):
    handler = codecs.lookup_error(name)
    print(name, handler.__name__, handler(eerr))
for name in ("ignore", "replace", "backslashreplace"):
    print(name, codecs.lookup_error(name)(derr))
try:
    codecs.strict_errors(eerr)
except UnicodeEncodeError as e:
    print("strict re-raises", e is eerr)
codecs.register_error("dash", lambda exc: ("-" * (exc.end - exc.start), exc.end))
# (gilpy's C encoders only know the standard handler names, so the new
# handler is only looked up, not used by str.encode.)
print(codecs.lookup_error("dash")(eerr))
try:
    codecs.lookup_error("missing")
except LookupError as e:
    print("LookupError:", e)
print(codecs.encode("é€", "latin-1", "xmlcharrefreplace"), codecs.encode("é€", "ascii", "backslashreplace"))
