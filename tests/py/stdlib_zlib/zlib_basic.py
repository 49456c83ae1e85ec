# zlib one-shot functions, checksums, constants and error messages.
import zlib

print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE)
print(zlib.Z_NO_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)
print(zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_DEFAULT_STRATEGY)
print(zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH,
      zlib.Z_BLOCK, zlib.Z_TREES)
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.ZLIB_VERSION.count('.') >= 2)
print(issubclass(zlib.error, Exception), zlib.error.__name__, zlib.error.__module__)

text = b"The quick brown fox jumps over the lazy dog. " * 50
samples = [b"", b"a", b"hello world", text, bytes(range(256)) * 20,
           bytes(1000), "h\u00e9llo w\u00f6rld \u2603".encode() * 30]

# Round trips at every level, and the exact compressed bytes.
for data in samples:
    row = []
    for level in range(-1, 10):
        c = zlib.compress(data, level)
        assert zlib.decompress(c) == data
        row.append(len(c))
    print(len(data), row, zlib.crc32(zlib.compress(data)))

print(zlib.compress(b"hello"))
print(zlib.compress(b"hello", 9))
print(zlib.compress(b"hello", 0))
print(zlib.compress(b"", 1))
print(zlib.compress(b"hello", level=1, wbits=-15))
print(zlib.compress(b"hello", wbits=31))
print(zlib.compress(bytearray(b"abcabcabc")), zlib.compress(memoryview(b"abcabcabc")[3:]))

# Container formats through wbits: zlib, raw deflate, gzip, and auto-detection.
for wbits in (15, 9, -15, -9, 31, 25):
    c = zlib.compress(text, 6, wbits)
    back = [zlib.decompress(c, wbits) == text]
    if wbits > 0:
        back.append(zlib.decompress(c, 47) == text)
        back.append(zlib.decompress(c, 0 if wbits < 16 else 32 + 15) == text)
    print(wbits, len(c), c[:3], back)

# Trailing bytes after a complete stream are ignored by decompress().
print(zlib.decompress(zlib.compress(b"payload") + b"trailing junk"))
print(zlib.decompress(zlib.compress(text), bufsize=1) == text)
print(zlib.decompress(zlib.compress(text), bufsize=0) == text)
print(zlib.decompress(zlib.compress(text), 15, 100000) == text)

# Checksums.
print(zlib.crc32(b""), zlib.crc32(b"hello"), zlib.crc32(b"hello", 12345))
print(zlib.crc32(b"world", zlib.crc32(b"hello ")) == zlib.crc32(b"hello world"))
print(zlib.crc32(b"hello", -1), zlib.crc32(b"hello", 2 ** 40), zlib.crc32(b"hello", -2 ** 70))
print(zlib.crc32(b"abc", True), zlib.crc32(bytearray(b"abc")), zlib.crc32(memoryview(b"xabc")[1:]))
print(zlib.adler32(b""), zlib.adler32(b"hello"), zlib.adler32(b"hello", 0), zlib.adler32(b"a", -5))
print(zlib.adler32(b"world", zlib.adler32(b"hello ")) == zlib.adler32(b"hello world"))
print(zlib.crc32(text * 100), zlib.adler32(text * 100))
print(zlib.crc32(bytes(range(256)) * 1000), zlib.adler32(bytes(range(256)) * 1000))


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", r if len(repr(r)) < 60 else len(r))


good = zlib.compress(b"hello world, hello zlib")
attempt("bad header", lambda: zlib.decompress(b"xyz not zlib"))
attempt("truncated", lambda: zlib.decompress(good[:-4]))
attempt("truncated 2", lambda: zlib.decompress(good[:2]))
attempt("empty", lambda: zlib.decompress(b""))
attempt("bad block", lambda: zlib.decompress(b"x\x9c" + b"\xff" * 10))
attempt("bad stored", lambda: zlib.decompress(b"x\x9c\x00\x05\x00\x00\x00abcde"))
attempt("bad crc", lambda: zlib.decompress(good[:-1] + bytes([good[-1] ^ 1])))
attempt("raw as zlib", lambda: zlib.decompress(zlib.compress(b"abc", 6, -15)))
attempt("zlib as raw", lambda: zlib.decompress(good, -15))
attempt("gzip as zlib", lambda: zlib.decompress(zlib.compress(b"abc", 6, 31)))
attempt("bad wbits", lambda: zlib.decompress(good, 3))
attempt("bad wbits 2", lambda: zlib.decompress(good, 100))
attempt("level 10", lambda: zlib.compress(b"x", 10))
attempt("level -2", lambda: zlib.compress(b"x", -2))
attempt("wbits 7", lambda: zlib.compress(b"x", 1, 7))
attempt("wbits 32", lambda: zlib.compress(b"x", 1, 32))
attempt("bufsize", lambda: zlib.decompress(good, bufsize=-1))
attempt("str data", lambda: zlib.compress("text"))
attempt("str data 2", lambda: zlib.decompress("text"))
attempt("int data", lambda: zlib.crc32(12))
attempt("str level", lambda: zlib.compress(b"x", "1"))
attempt("float level", lambda: zlib.compress(b"x", 1.0))
attempt("huge level", lambda: zlib.compress(b"x", 2 ** 70))
attempt("huge bufsize", lambda: zlib.decompress(good, 15, 2 ** 70))
attempt("no data", lambda: zlib.compress())
attempt("kw data", lambda: zlib.compress(data=b"x"))
attempt("too many", lambda: zlib.compress(b"x", 1, 15, 3))
attempt("crc kw", lambda: zlib.crc32(data=b"x"))
attempt("crc start", lambda: zlib.crc32(b"x", "a"))
attempt("crc float", lambda: zlib.crc32(b"x", 1.5))
attempt("crc none", lambda: zlib.crc32())
attempt("crc many", lambda: zlib.adler32(b"x", 1, 2))
attempt("need dict", lambda: zlib.decompress(zlib.compressobj(zdict=b"hello").compress(b"hello") +
                                              zlib.compressobj(zdict=b"hello").flush()))
try:
    zlib.decompress(b"garbage!")
except zlib.error as e:
    print("caught zlib.error:", e.args)
