# zlib and gzip under allocation failure: one-shot and streaming calls, copies,
# max_length, zdict and a gzip round trip, each refusal must be a MemoryError.
import gzip
import io
import zlib

data = b"".join(b"row %d: some text\n" % i for i in range(3000))
c = zlib.compress(data, 6)
assert zlib.decompress(c) == data
co = zlib.compressobj(1, zlib.DEFLATED, -15)
parts = [co.compress(data[i:i + 5000]) for i in range(0, len(data), 5000)]
cp = co.copy()
parts.append(co.flush())
assert cp.flush() == parts[-1]
do = zlib.decompressobj(-15)
out = []
raw = b"".join(parts)
for i in range(0, len(raw), 777):
    out.append(do.decompress(raw[i:i + 777], 4000))
    while do.unconsumed_tail:
        out.append(do.decompress(do.unconsumed_tail, 4000))
out.append(do.flush())
assert b"".join(out) == data
co = zlib.compressobj(zdict=b"row some text")
z = co.compress(data[:2000]) + co.flush()
assert zlib.decompressobj(zdict=b"row some text").decompress(z) == data[:2000]
b = io.BytesIO()
with gzip.GzipFile(fileobj=b, mode="wb", mtime=1) as f:
    f.write(data)
g = gzip.GzipFile(fileobj=io.BytesIO(b.getvalue()))
lines = g.readlines()
assert len(lines) == 3000
assert gzip.decompress(gzip.compress(data, mtime=1)) == data
try:
    zlib.decompress(b"bad data")
except zlib.error:
    pass
print(zlib.crc32(data), zlib.adler32(data))
