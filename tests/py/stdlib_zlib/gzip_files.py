# gzip: GzipFile and gzip.open on real files and in-memory files, written with
# a fixed mtime so the bytes can be compared with what CPython writes.
import gzip
import io
import os
import tempfile
import zlib

lines = [("line %d of the file, caf\u00e9 \u2603\n" % i) for i in range(300)]
text = "".join(lines)
blob = text.encode("utf-8")

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "data.txt.gz")

    # Binary write, then the exact bytes on disk (CPython writes the same).
    with gzip.open(path, "wb") as f:
        print(type(f).__name__, f.mode, f.name == path, f.writable(), f.readable())
    with gzip.GzipFile(path, "wb", mtime=1700000000) as f:
        print(f.write(blob[:1000]), f.write(memoryview(blob)[1000:]), f.tell())
        print(f.write(b""), f.closed)
    print(f.closed)
    raw = open(path, "rb").read()
    print(len(raw), raw[:20], zlib.crc32(raw))

    # Binary read: read, read(n), peek, read1, readline, iteration, tell.
    with gzip.open(path) as f:
        print(f.mode, f.mtime, f.read(5), f.mtime, f.tell())
        print(len(f.peek(1)) > 0, f.read1(10), f.tell())
        print(f.readline(), f.readline(4), f.readline())
        rest = f.read()
        print(len(rest), f.tell(), f.read(), f.read(10))
    with gzip.open(path, "rb") as f:
        print(sum(1 for _ in f), f.tell())
    with gzip.open(path) as f:
        print(f.readlines()[-2:])
    with gzip.open(path) as f:
        buf = bytearray(12)
        print(f.readinto(buf), bytes(buf))

    # Seeking: forward, backward (rewinds), relative, from the end.
    with gzip.open(path) as f:
        print(f.seek(100), f.read(10))
        print(f.seek(5), f.read(5))
        print(f.seek(10, io.SEEK_CUR), f.read(5))
        print(f.seek(-10, io.SEEK_END), f.read())
        f.rewind()
        print(f.tell(), f.read(4))
        print(f.seekable())

    # Text mode with an encoding, and newline handling.
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("alpha\n")
        f.writelines(["b\u00eata\n", "gamma"])
    with gzip.open(path, "rt", encoding="utf-8") as f:
        print(f.read())
    with gzip.open(path, "rt", encoding="utf-8") as f:
        print(list(f))
    with gzip.open(path, "rt", encoding="latin-1") as f:
        print(repr(f.readline()))
    with gzip.open(path, "wt", encoding="utf-8", newline="\r\n") as f:
        f.write("one\ntwo\n")
    with gzip.open(path, "rb") as f:
        print(f.read())
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        print(repr(f.read()))

    # Append mode adds a member; reading returns both.
    with gzip.open(path, "wb") as f:
        f.write(b"first member\n")
    with gzip.open(path, "ab") as f:
        f.write(b"second member\n")
    with gzip.open(path) as f:
        print(f.read())
    print(gzip.decompress(open(path, "rb").read()))

    # Exclusive creation.
    try:
        gzip.open(path, "xb")
    except FileExistsError as e:
        print("xb:", type(e).__name__)
    other = os.path.join(tmp, "new.gz")
    with gzip.open(other, "xb") as f:
        f.write(b"x")
    print(gzip.open(other).read())

    # The file name goes into the header without its .gz.
    for name in ("report.csv.gz", "plain", "caf\u00e9.gz", "snow\u2603.gz"):
        p = os.path.join(tmp, name)
        with gzip.GzipFile(p, "wb", mtime=42, compresslevel=6) as f:
            f.write(b"payload")
        data = open(p, "rb").read()
        print(ascii(name), data[:32])
        print(gzip.open(p).read())

    # Writing through an already open file object.
    with open(path, "wb") as fobj:
        with gzip.GzipFile(fileobj=fobj, mode="wb", mtime=5) as f:
            f.write(b"via fileobj")
        print(fobj.closed)
    with open(path, "rb") as fobj:
        g = gzip.open(fobj)
        print(g.name == path, g.read())
        g.close()
        print(fobj.closed)

# In memory, with every compression level.
for level in range(10):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=level, mtime=1234567) as f:
        f.write(blob)
    data = buf.getvalue()
    print(level, len(data), data[:10], zlib.crc32(data), gzip.decompress(data) == blob)

# Writing in many small pieces, with flushes between them.
buf = io.BytesIO()
f = gzip.GzipFile(fileobj=buf, mode="wb", mtime=1)
for i in range(0, len(blob), 97):
    f.write(blob[i:i + 97])
    if i % 970 == 0:
        f.flush()
f.close()
f.close()
print(len(buf.getvalue()), zlib.crc32(buf.getvalue()), gzip.decompress(buf.getvalue()) == blob)

# Forward seeks in write mode write zeros.
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=1) as f:
    f.write(b"ab")
    print(f.seek(3000), f.seek(10, io.SEEK_CUR), f.tell())
    f.write(b"cd")
    for label, call in (("back", lambda: f.seek(0)), ("end", lambda: f.seek(0, io.SEEK_END)),
                        ("rewind", f.rewind), ("read", f.read)):
        try:
            call()
        except (OSError, ValueError) as e:
            print(label, type(e).__name__, e)
out = gzip.decompress(buf.getvalue())
print(len(out), out[:3], out[-3:], out.count(0))

# Reading an object that is not gzip, or is cut short.
for label, data in (("not gzip", b"plain text, not gzip"), ("short", gzip.compress(b"x" * 500)[:30]),
                    ("no trailer", gzip.compress(b"x" * 500, mtime=1)[:-8])):
    f = gzip.GzipFile(fileobj=io.BytesIO(data))
    try:
        f.read()
    except (gzip.BadGzipFile, EOFError) as e:
        print(label, type(e).__name__, e)
good = gzip.compress(b"checked", mtime=1)
for label, data in (("crc", good[:-8] + b"\1\2\3\4" + good[-4:]), ("size", good[:-4] + b"\0\0\0\0")):
    try:
        gzip.GzipFile(fileobj=io.BytesIO(data)).read()
    except gzip.BadGzipFile as e:
        print(label, e)

# Closed files and misuse.
f = gzip.GzipFile(fileobj=io.BytesIO(good))
f.close()
for label, call in (("read", f.read), ("readline", f.readline), ("tell", f.tell)):
    try:
        call()
    except ValueError as e:
        print("closed", label, e)
print(f.closed, repr(f)[:9])
r = gzip.GzipFile(fileobj=io.BytesIO(good))
try:
    r.write(b"x")
except OSError as e:
    print("write on reader:", e)
for bad in ({"mode": "z"}, {"mode": "rt"}):
    try:
        gzip.GzipFile(fileobj=io.BytesIO(), **bad)
    except ValueError as e:
        print(bad, e)
for args, kw in ((("x", "rtb"), {}), ((io.BytesIO(), "rb"), {"encoding": "utf-8"}),
                 ((io.BytesIO(), "wb"), {"errors": "strict"}),
                 ((io.BytesIO(), "rb"), {"newline": "\n"}), ((42,), {})):
    try:
        gzip.open(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(issubclass(gzip.BadGzipFile, OSError), gzip.READ, gzip.WRITE)
