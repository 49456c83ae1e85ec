# json's Python layer: bytes input in every encoding, detect_encoding,
# option plumbing of load/loads/dump/dumps, JSONDecodeError's fields and
# pickling, decoder/encoder attributes and the module's helper names.
import io
import json
import json.decoder
import json.encoder
import json.scanner


def show(fn):
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)


doc = '{"k": ["\u00e9", 1, 2.5, null, true], "\U0001F600": "x"}'
# gilpy's str.encode lacks some of these codecs: the bytes are spelled out.
ENCODED = [
    ('utf-8', b'{"k": ["\xc3\xa9", 1, 2.5, null, true], "\xf0\x9f\x98\x80": "x"}'),
    ('utf-8-sig', b'\xef\xbb\xbf{"k": ["\xc3\xa9", 1, 2.5, null, true], "\xf0\x9f\x98\x80": "x"}'),
    ('utf-16', b'\xff\xfe{\x00"\x00k\x00"\x00:\x00 \x00[\x00"\x00\xe9\x00"\x00,\x00 \x001\x00,\x00 \x002\x00.\x005\x00,\x00 \x00n\x00u\x00l\x00l\x00,\x00 \x00t\x00r\x00u\x00e\x00]\x00,\x00 \x00"\x00=\xd8\x00\xde"\x00:\x00 \x00"\x00x\x00"\x00}\x00'),
    ('utf-16-le', b'{\x00"\x00k\x00"\x00:\x00 \x00[\x00"\x00\xe9\x00"\x00,\x00 \x001\x00,\x00 \x002\x00.\x005\x00,\x00 \x00n\x00u\x00l\x00l\x00,\x00 \x00t\x00r\x00u\x00e\x00]\x00,\x00 \x00"\x00=\xd8\x00\xde"\x00:\x00 \x00"\x00x\x00"\x00}\x00'),
    ('utf-16-be', b'\x00{\x00"\x00k\x00"\x00:\x00 \x00[\x00"\x00\xe9\x00"\x00,\x00 \x001\x00,\x00 \x002\x00.\x005\x00,\x00 \x00n\x00u\x00l\x00l\x00,\x00 \x00t\x00r\x00u\x00e\x00]\x00,\x00 \x00"\xd8=\xde\x00\x00"\x00:\x00 \x00"\x00x\x00"\x00}'),
    ('utf-32', b'\xff\xfe\x00\x00{\x00\x00\x00"\x00\x00\x00k\x00\x00\x00"\x00\x00\x00:\x00\x00\x00 \x00\x00\x00[\x00\x00\x00"\x00\x00\x00\xe9\x00\x00\x00"\x00\x00\x00,\x00\x00\x00 \x00\x00\x001\x00\x00\x00,\x00\x00\x00 \x00\x00\x002\x00\x00\x00.\x00\x00\x005\x00\x00\x00,\x00\x00\x00 \x00\x00\x00n\x00\x00\x00u\x00\x00\x00l\x00\x00\x00l\x00\x00\x00,\x00\x00\x00 \x00\x00\x00t\x00\x00\x00r\x00\x00\x00u\x00\x00\x00e\x00\x00\x00]\x00\x00\x00,\x00\x00\x00 \x00\x00\x00"\x00\x00\x00\x00\xf6\x01\x00"\x00\x00\x00:\x00\x00\x00 \x00\x00\x00"\x00\x00\x00x\x00\x00\x00"\x00\x00\x00}\x00\x00\x00'),
    ('utf-32-le', b'{\x00\x00\x00"\x00\x00\x00k\x00\x00\x00"\x00\x00\x00:\x00\x00\x00 \x00\x00\x00[\x00\x00\x00"\x00\x00\x00\xe9\x00\x00\x00"\x00\x00\x00,\x00\x00\x00 \x00\x00\x001\x00\x00\x00,\x00\x00\x00 \x00\x00\x002\x00\x00\x00.\x00\x00\x005\x00\x00\x00,\x00\x00\x00 \x00\x00\x00n\x00\x00\x00u\x00\x00\x00l\x00\x00\x00l\x00\x00\x00,\x00\x00\x00 \x00\x00\x00t\x00\x00\x00r\x00\x00\x00u\x00\x00\x00e\x00\x00\x00]\x00\x00\x00,\x00\x00\x00 \x00\x00\x00"\x00\x00\x00\x00\xf6\x01\x00"\x00\x00\x00:\x00\x00\x00 \x00\x00\x00"\x00\x00\x00x\x00\x00\x00"\x00\x00\x00}\x00\x00\x00'),
    ('utf-32-be', b'\x00\x00\x00{\x00\x00\x00"\x00\x00\x00k\x00\x00\x00"\x00\x00\x00:\x00\x00\x00 \x00\x00\x00[\x00\x00\x00"\x00\x00\x00\xe9\x00\x00\x00"\x00\x00\x00,\x00\x00\x00 \x00\x00\x001\x00\x00\x00,\x00\x00\x00 \x00\x00\x002\x00\x00\x00.\x00\x00\x005\x00\x00\x00,\x00\x00\x00 \x00\x00\x00n\x00\x00\x00u\x00\x00\x00l\x00\x00\x00l\x00\x00\x00,\x00\x00\x00 \x00\x00\x00t\x00\x00\x00r\x00\x00\x00u\x00\x00\x00e\x00\x00\x00]\x00\x00\x00,\x00\x00\x00 \x00\x00\x00"\x00\x01\xf6\x00\x00\x00\x00"\x00\x00\x00:\x00\x00\x00 \x00\x00\x00"\x00\x00\x00x\x00\x00\x00"\x00\x00\x00}'),
]
for enc, raw in ENCODED:
    print(enc, json.detect_encoding(raw), json.loads(raw) == json.loads(doc),
          json.loads(bytearray(raw)) == json.loads(doc))
for raw in (b"1", b"12", b"\x001", b"1\x00", b"", b"[]", b"\x00\x00\x00\x31",
            b"\x31\x00\x00\x00", b"\x31\x00\x32\x00", b"\xef\xbb\xbf[1]"):
    print(raw, json.detect_encoding(raw))
print(json.loads(b"12"), json.loads(b"1\x002\x00"))
show(lambda: json.loads(b"\xff\xfe1\x00\x00"))
show(lambda: json.loads(b"\xfe\xff\x00"))
show(lambda: json.loads(b'"\xc3"'))
for raw in (b'\xef\xbb\xbf"\xc3"', b'"\xed\xa0\x80"', b'\xef\xbb\xbf"\xed\xa0\x80"',
            b'\xff\xfe\x00\x001\x00\x00', b'\x00\x00\xfe\xff\x00\x00\x00\x31\x00',
            b'\xff\xfe\x00\xd8\x31\x00', b'1\x00\x00\xd8', b'\x00\x00\x00\x31\x00\x11\x00\x00'):
    show(lambda: ascii(json.loads(raw)))
show(lambda: json.loads("\ufeff[1]"))
show(lambda: json.loads(12))
show(lambda: json.loads(None))
show(lambda: json.loads(memoryview(b"1")))

# JSONDecodeError: fields, message, and the __reduce__ pickle relies on.
try:
    json.loads('{"a": 1,\n  "b": }')
except json.JSONDecodeError as e:
    print(e.msg, "|", e.pos, e.lineno, e.colno, "|", e)
    print(isinstance(e, ValueError), e.args)
    maker, args = e.__reduce__()
    back = maker(*args)
    print(type(back).__name__, back.msg, back.pos, back.lineno, back.colno, str(back))
    print(args, maker is json.JSONDecodeError)
err = json.JSONDecodeError("Oops", "ab\ncd\nef", 7)
print(err, err.lineno, err.colno, err.doc)
err = json.JSONDecodeError("At start", "", 0)
print(err, err.lineno, err.colno)
show(lambda: json.loads("[1] x"))
show(lambda: json.loads("  "))
show(lambda: json.loads(" [1,2] \n\t "))

# Decoder attributes and raw_decode.
d = json.JSONDecoder()
print(d.parse_float is float, d.parse_int is int, d.strict, d.object_hook,
      d.object_pairs_hook, d.memo)
print(d.parse_constant("NaN"), d.parse_constant("-Infinity"), d.parse_constant("Infinity"))
show(lambda: d.parse_constant("nan"))
print(d.raw_decode('[1, 2] tail'), d.raw_decode('xx"s"', 2))
show(lambda: d.raw_decode(' [1]'))
show(lambda: d.raw_decode('', 0))
print(d.decode('\n{"a" : [ ] }\r\n'))
d2 = json.JSONDecoder(parse_float=str, parse_int=lambda s: int(s) * 10,
                      parse_constant=lambda s: "C:" + s, strict=False,
                      object_pairs_hook=lambda ps: ps)
print(d2.decode('{"x": 1.5, "y": 2, "z": NaN, "w": "a\tb"}'))
show(lambda: json.loads('"a\tb"'))
print(json.loads('"a\tb"', strict=False))
print(json.decoder.scanstring('"abc\\n" tail', 1))
print(json.decoder.WHITESPACE.match(" \t\n x", 0).end(), json.decoder.WHITESPACE.match("x").end())
print(json.decoder.NaN != json.decoder.NaN, json.decoder.PosInf, json.decoder.NegInf)
print(json.scanner.make_scanner(d)('[true]', 0))


class Tagged(json.JSONDecoder):
    def raw_decode(self, s, idx=0):
        value, end = super().raw_decode(s, idx)
        return ("tag", value), end


print(json.loads("[1]", cls=Tagged))
show(lambda: json.loads("[1] 2", cls=Tagged))
print(json.loads('{"a": 1}', object_hook=lambda o: sorted(o.items())))
show(lambda: json.loads("1", bogus=1))

# load/dump through files.
buf = io.StringIO()
json.dump({"b": [1, {"c": None}], "a": "\u00e9"}, buf)
print(buf.getvalue())
buf = io.StringIO()
json.dump({"b": 1, "a": (2, 3)}, buf, indent=2, sort_keys=True)
print(buf.getvalue())
buf = io.StringIO()
json.dump({"b": 1}, buf, separators=(";", "="), ensure_ascii=False)
print(buf.getvalue())
print(json.load(io.StringIO(' {"z": [1.0]} ')))
print(json.load(io.BytesIO(b'\xff\xfe{\x00"\x00z\x00"\x00:\x00 \x00"\x00\xe9\x00"\x00}\x00')))
print(json.load(io.StringIO('{"q": 1}'), object_pairs_hook=list))
print(json.load(io.StringIO('[1.25]'), parse_float=repr))

# Encoder attributes and options.
e = json.JSONEncoder()
print(e.item_separator, e.key_separator, e.skipkeys, e.ensure_ascii,
      e.check_circular, e.allow_nan, e.sort_keys, e.indent)
e = json.JSONEncoder(indent=3)
print(repr(e.item_separator), repr(e.key_separator), e.indent)
e = json.JSONEncoder(indent="\t", separators=(" ,", " :"))
print(repr(e.item_separator), repr(e.key_separator), e.encode({"a": [1]}))
print(json.JSONEncoder(default=repr).encode({1j: 0} if False else [1j]))
show(lambda: json.JSONEncoder().encode(object))
show(lambda: json.JSONEncoder().default(3))
print(e.encode("caf\u00e9"), json.JSONEncoder(ensure_ascii=False).encode("caf\u00e9"))
print("".join(json.JSONEncoder().iterencode([1, "x"])))
print("".join(json.JSONEncoder(indent=1).iterencode({"a": [1, 2]})))
print(json.encoder.encode_basestring("a\"\u00e9"), json.encoder.encode_basestring_ascii("a\"\u00e9"))
print(json.encoder.INFINITY)
print(json.dumps({"b": 1, 2: 3, None: 4}, sort_keys=False))
show(lambda: json.dumps({(1,): 2}))
print(json.dumps({(1,): 2, "k": 1}, skipkeys=True))
show(lambda: json.dumps(float("nan"), allow_nan=False))
print(json.dumps([float("inf"), -float("inf")]))
cyc = []
cyc.append(cyc)
show(lambda: json.dumps(cyc))
show(lambda: json.dumps(1, bogus=1))


class Upper(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"s": {3, 1}}, cls=Upper))
show(lambda: json.dumps({"s": object()}, cls=Upper))
print(sorted(json.__all__), json.__version__)
