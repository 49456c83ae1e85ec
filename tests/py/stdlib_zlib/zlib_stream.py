# compressobj / decompressobj: streaming in small chunks, flush modes,
# max_length with unconsumed_tail, unused_data, eof, zdict, copy.
import copy
import zlib

text = b"".join(b"line %d: the rain in spain falls mainly on the plain\n" % i for i in range(2000))


def chunks(data, size):
    return [data[i:i + size] for i in range(0, len(data), size)]


# Streaming compression in pieces gives the same bytes as CPython.
for level in (0, 1, 6, 9):
    for size in (1, 7, 100, 4096, 70000):
        co = zlib.compressobj(level)
        out = b"".join(co.compress(p) for p in chunks(text[:20000], size)) + co.flush()
        assert zlib.decompress(out) == text[:20000]
        print(level, size, len(out), zlib.crc32(out))

# Every flush mode, then finishing.
co = zlib.compressobj(6)
pieces = []
for mode in (zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH,
             zlib.Z_BLOCK, zlib.Z_FINISH):
    pieces.append(co.compress(text[:3000]))
    pieces.append(co.flush(mode))
print([len(p) for p in pieces])
print(zlib.decompress(b"".join(pieces)) == text[:3000] * 6)
print(co.flush(zlib.Z_NO_FLUSH))

# A sync-flushed prefix decompresses on its own.
co = zlib.compressobj()
head = co.compress(b"first part ") + co.flush(zlib.Z_SYNC_FLUSH)
print(head[-4:], zlib.decompressobj().decompress(head))
rest = co.compress(b"second part") + co.flush()
print(zlib.decompress(head + rest))

# Options of compressobj: strategies, memLevel, raw and gzip wrappers.
for args in [(9, zlib.DEFLATED, 15, 9, zlib.Z_FILTERED), (1, zlib.DEFLATED, -12, 1, zlib.Z_RLE),
             (6, zlib.DEFLATED, 31, 8, zlib.Z_HUFFMAN_ONLY), (6, zlib.DEFLATED, 15, 8, zlib.Z_FIXED)]:
    co = zlib.compressobj(*args)
    out = co.compress(text[:5000]) + co.flush()
    print(args, len(out), zlib.crc32(out), zlib.decompress(out, args[2]) == text[:5000])
co = zlib.compressobj(level=3, wbits=-15, memLevel=5, strategy=zlib.Z_DEFAULT_STRATEGY)
print(co.compress(b"kw") + co.flush())

# Decompressing one byte at a time.
packed = zlib.compress(text)
do = zlib.decompressobj()
got = b"".join(do.decompress(packed[i:i + 1]) for i in range(len(packed)))
print(got == text, do.eof, do.unused_data, do.unconsumed_tail, do.flush())

# max_length: the output is bounded; what is held back is unconsumed_tail.
do = zlib.decompressobj()
parts = [do.decompress(packed, 1000)]
print(len(parts[0]), len(do.unconsumed_tail) > 0, do.eof)
while do.unconsumed_tail:
    parts.append(do.decompress(do.unconsumed_tail, 1000))
    assert len(parts[-1]) <= 1000
parts.append(do.flush())
print(len(parts), b"".join(parts) == text, do.eof)

do = zlib.decompressobj()
first = do.decompress(packed, 10)
print(first, len(do.unconsumed_tail))
print(len(do.flush()) + 10 == len(text), do.eof, do.unconsumed_tail)

# max_length 0 means no limit.
do = zlib.decompressobj()
print(len(do.decompress(packed, 0)) == len(text), do.eof)

# Data after the end of the stream goes to unused_data, across calls too.
do = zlib.decompressobj()
print(do.decompress(zlib.compress(b"abc") + b"xyz"), do.eof, do.unused_data, do.unconsumed_tail)
print(do.decompress(b"more"), do.unused_data)
print(do.flush(), do.eof)
try:
    do.decompress(b"after flush")
except zlib.error as e:
    print("after flush:", e, do.unconsumed_tail)
try:
    do.copy()
except ValueError as e:
    print("copy after flush:", e)

# A truncated stream: decompress returns what it can, flush does not raise.
do = zlib.decompressobj()
print(do.decompress(packed[:50])[:20], do.eof)
print(len(do.flush()), do.eof)

# Corrupt input raises, and the unread input is kept.
do = zlib.decompressobj()
try:
    do.decompress(b"garbage data")
except zlib.error as e:
    print("corrupt:", e, do.unconsumed_tail, do.eof)
print(do.flush())

# Raw deflate and gzip streams with decompressobj; auto-detection.
for wbits in (-15, 31):
    co = zlib.compressobj(6, zlib.DEFLATED, wbits)
    data = co.compress(text) + co.flush()
    do = zlib.decompressobj(wbits if wbits < 0 else 47)
    out = b"".join(do.decompress(p) for p in chunks(data + b"TAIL", 333))
    print(wbits, out == text, do.eof, do.unused_data)

# Preset dictionaries.
zdict = b"the rain in spain falls mainly on the plain"
co = zlib.compressobj(zdict=zdict)
withdict = co.compress(text[:2000]) + co.flush()
print(len(withdict) < len(zlib.compress(text[:2000])))
print(zlib.decompressobj(zdict=zdict).decompress(withdict) == text[:2000])
print(zlib.decompressobj(zdict=bytearray(zdict)).decompress(withdict) == text[:2000])
do = zlib.decompressobj(zdict=memoryview(zdict))
print(b"".join(do.decompress(p) for p in chunks(withdict, 5)) == text[:2000], do.eof)
co = zlib.compressobj(wbits=-15, zdict=zdict)
rawdict = co.compress(text[:500]) + co.flush()
print(zlib.decompressobj(-15, zdict).decompress(rawdict) == text[:500])
for bad in (None, "text", 5):
    try:
        zlib.decompressobj(zdict=bad)
    except TypeError as e:
        print("decompressobj zdict", type(bad).__name__, e)
    try:
        zlib.compressobj(zdict=bad)
    except TypeError as e:
        print("compressobj zdict", type(bad).__name__, e)
for d in (None, b"wrong dictionary"):
    try:
        zlib.decompressobj() .decompress(withdict) if d is None else \
            zlib.decompressobj(zdict=d).decompress(withdict)
    except zlib.error as e:
        print("zdict", d, e)
try:
    zlib.compressobj(1, zlib.DEFLATED, 31, zdict=b"x")
except ValueError as e:
    print("gzip zdict:", e)

# copy() forks a stream at any point; copy.copy and copy.deepcopy do the same.
co = zlib.compressobj(6)
common = co.compress(text[:1000])
fork = co.copy()
a = common + co.compress(b"ending A") + co.flush()
b = common + fork.compress(b"ending B") + fork.flush()
print(zlib.decompress(a)[-8:], zlib.decompress(b)[-8:])
c2 = copy.copy(zlib.compressobj())
c3 = copy.deepcopy(zlib.compressobj())
print(type(c2).__name__, type(c3).__name__, c2.flush() == c3.flush())

do = zlib.decompressobj()
half = do.decompress(packed[:len(packed) // 2])
d2 = do.copy()
r1 = half + do.decompress(packed[len(packed) // 2:] + b"!!")
r2 = half + d2.decompress(packed[len(packed) // 2:] + b"??")
print(r1 == text, r2 == text, do.unused_data, d2.unused_data)
d3 = copy.copy(do)
print(d3.eof, d3.unused_data)

# The finished compressor refuses more work.
co = zlib.compressobj()
co.compress(b"x")
co.flush()
for label, f in [("compress", lambda: co.compress(b"y")), ("flush", lambda: co.flush()),
                 ("sync", lambda: co.flush(zlib.Z_SYNC_FLUSH)), ("copy", lambda: co.copy())]:
    try:
        f()
    except (zlib.error, ValueError) as e:
        print("finished", label, type(e).__name__, e)
print(co.flush(zlib.Z_NO_FLUSH))


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", r)


attempt("level 10", lambda: zlib.compressobj(10))
attempt("method", lambda: zlib.compressobj(1, 9))
attempt("memLevel", lambda: zlib.compressobj(memLevel=10))
attempt("wbits", lambda: zlib.compressobj(wbits=-8))
attempt("strategy", lambda: zlib.compressobj(strategy=9))
attempt("dwbits", lambda: zlib.decompressobj(wbits=99))
attempt("bad flush mode", lambda: zlib.compressobj().flush(99))
attempt("flush kw", lambda: zlib.compressobj().flush(mode=zlib.Z_FINISH))
attempt("max_length", lambda: zlib.decompressobj().decompress(b"x", -1))
attempt("flush length", lambda: zlib.decompressobj().flush(0))
attempt("flush length kw", lambda: zlib.decompressobj().flush(length=5))
attempt("decompress no data", lambda: zlib.decompressobj().decompress())
attempt("compress no data", lambda: zlib.compressobj().compress())
attempt("compress extra", lambda: zlib.compressobj().compress(b"a", 1))
attempt("copy args", lambda: zlib.compressobj().copy(1))
attempt("too many", lambda: zlib.compressobj(1, 2, 3, 4, 5, 6, 7))
attempt("str input", lambda: zlib.compressobj().compress("abc"))
attempt("str input 2", lambda: zlib.decompressobj().decompress("abc"))
attempt("max_length kw", lambda: zlib.decompressobj().decompress(b"", max_length=3))
attempt("readonly", lambda: setattr(zlib.decompressobj(), "eof", True))
