# gzip.compress / gzip.decompress: exact bytes, members, headers, errors.
import gzip
import io
import zlib

# Bytes CPython 3.11 wrote: gilpy must read them and write the same.
CPY_COMPRESS = (b'\x1f\x8b\x08\x00\x00\xf1Se\x02\xff\xf3MLIUH\xaaTp\x0e\xa8,\xc9\xc8\xcfS0\xd634'
                b'TH\xaf\xca,\xd0K\xce\xcf-(J-.\xd6Q\xc8I-K\xcdQ\xb0\xd4\xe3\xf2\xa5\x99b\x00\x8e'
                b'\x83C_\x87\x00\x00\x00')
CPY_FILE = (b'\x1f\x8b\x08\x08\x00\x10^_\x00\xffnotes.txt\x00+)\xcf\xe7\xca\xc9\xccK-\xe6\x02'
            b'\x00\x1c\x9eg\xbf\n\x00\x00\x00')
payload = b'Made by CPython 3.11 gzip.compress, level 9.\n' * 3
print(gzip.decompress(CPY_COMPRESS) == payload)
print(gzip.compress(payload, mtime=1700000000) == CPY_COMPRESS)
print(gzip.decompress(CPY_FILE))
buf = io.BytesIO()
with gzip.GzipFile("notes.txt.gz", "wb", 6, buf, mtime=1600000000) as f:
    f.write(b"two\nlines\n")
print(buf.getvalue() == CPY_FILE)
g = gzip.GzipFile(fileobj=io.BytesIO(CPY_FILE))
print(g.mtime, g.read(), g.mtime)

# Exact output for several levels and mtimes (mtime 0 is zlib's own header).
for level in (0, 1, 5, 9):
    for mtime in (0, 1, 1234567890):
        c = gzip.compress(b"hello hello hello", level, mtime=mtime)
        print(level, mtime, c)
print(gzip.compress(b"", mtime=7))
print(gzip.compress(bytearray(b"ba"), mtime=7), gzip.compress(memoryview(b"mv"), mtime=7))
print(len(gzip.compress(b"now")) > 10, gzip.decompress(gzip.compress(b"now")))

# gzip data is what zlib makes with wbits 31, and zlib reads ours.
data = bytes(range(256)) * 64
c = gzip.compress(data, mtime=99)
print(zlib.decompress(c, 31) == data, zlib.decompress(c, 47) == data)
print(gzip.decompress(zlib.compress(data, 6, 31)) == data)

# Several members, zero padding between and after them, empty members.
multi = gzip.compress(b"one ", mtime=1) + gzip.compress(b"", mtime=1) + b"\0" * 10 + \
    gzip.compress(b"two ", mtime=2) + gzip.compress(b"three", mtime=3) + b"\0\0"
print(gzip.decompress(multi))
print(gzip.GzipFile(fileobj=io.BytesIO(multi)).read())
f = gzip.GzipFile(fileobj=io.BytesIO(multi))
print(f.read(6), f.mtime, f.read(), f.mtime)
print(gzip.decompress(b""), gzip.decompress(b"\0" * 0))

# A header with every optional field (extra, name, comment, header CRC).
body = zlib.compress(b"payload", 6, -15)
trailer = zlib.crc32(b"payload").to_bytes(4, "little") + (7).to_bytes(4, "little")
header = bytes([0x1F, 0x8B, 8, 0x1E | 0x02, 1, 2, 3, 4, 0, 3]) + b"\x03\x00XYZ" + \
    b"name.txt\0" + b"a comment\0" + b"\xaa\xbb"
print(gzip.decompress(header + body + trailer))
f = gzip.GzipFile(fileobj=io.BytesIO(header + body + trailer))
print(f.read(), f.mtime)

# Big data through both paths.
big = b"".join(b"%08d some text to squeeze\n" % i for i in range(40000))
c = gzip.compress(big, 6, mtime=1)
print(len(big), len(c), zlib.crc32(c), gzip.decompress(c) == big)
f = gzip.GzipFile(fileobj=io.BytesIO(c))
n = 0
for line in f:
    n += 1
print(n, f.tell())


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", r)


good = gzip.compress(b"hello world", mtime=0)
attempt("magic", lambda: gzip.decompress(b"xx"))
attempt("one byte", lambda: gzip.decompress(b"\x1f"))
attempt("method", lambda: gzip.decompress(b"\x1f\x8b\x09" + b"\0" * 20))
attempt("truncated body", lambda: gzip.decompress(good[:-9]))
attempt("truncated trailer", lambda: gzip.decompress(good[:-3]))
attempt("truncated header", lambda: gzip.decompress(good[:5]))
attempt("bad crc", lambda: gzip.decompress(good[:-8] + b"\0\0\0\0" + good[-4:]))
attempt("bad size", lambda: gzip.decompress(good[:-4] + b"\0\0\0\0"))
attempt("junk after", lambda: gzip.decompress(good + b"junk"))
attempt("corrupt body", lambda: gzip.decompress(good[:10] + b"\xff" * 10 + good[20:]))
attempt("str", lambda: gzip.compress("text"))
attempt("level", lambda: gzip.compress(b"x", 10))
attempt("bad mtime", lambda: gzip.compress(b"x", mtime=-1))
attempt("reader corrupt", lambda: gzip.GzipFile(fileobj=io.BytesIO(good[:10] + b"\xff" * 10)).read())
