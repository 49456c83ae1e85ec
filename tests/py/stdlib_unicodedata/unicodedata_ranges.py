# unicodedata over every code point: a checksum per property (compared with
# CPython's through the expected output), per plane, plus readable samples.
import unicodedata
import zlib

print(unicodedata.unidata_version)


def digest(values):
    return zlib.crc32("\x00".join(values).encode("utf-8", "surrogatepass"))


# Planes 0 and 1 in full; the CJK extension planes and the rest sampled.
PLANES = [range(0, 0x10000), range(0x10000, 0x20000), range(0x20000, 0x110000, 7)]
props = [
    ("category", unicodedata.category),
    ("bidirectional", unicodedata.bidirectional),
    ("combining", lambda c: str(unicodedata.combining(c))),
    ("mirrored", lambda c: str(unicodedata.mirrored(c))),
    ("east_asian_width", unicodedata.east_asian_width),
    ("decomposition", unicodedata.decomposition),
    ("decimal", lambda c: str(unicodedata.decimal(c, None))),
    ("digit", lambda c: str(unicodedata.digit(c, None))),
    ("numeric", lambda c: repr(unicodedata.numeric(c, None))),
]
for label, f in props:
    print(label, [digest(f(chr(cp)) for cp in plane) for plane in PLANES])

# Readable samples.
for c in "A\u00e9\u0301\u00bd\u0660\u00b2\u2167\u3000\uff21\u0627\u05d0(\u4e00\uac01\U0001f600\x00\ud800":
    print(ascii(c), unicodedata.category(c), unicodedata.bidirectional(c),
          unicodedata.combining(c), unicodedata.mirrored(c), unicodedata.east_asian_width(c),
          repr(unicodedata.decomposition(c)), unicodedata.decimal(c, -1),
          unicodedata.digit(c, -1), unicodedata.numeric(c, -1))
