# The compressed bytes are CPython's, byte for byte: both link the same zlib,
# and gilpy hands deflate() output windows of the same sizes, which level 0
# (stored blocks cut to fit the window) makes visible in the output.
import zlib

# Bytes CPython 3.11 wrote (zlib 1.2.13).
TEXT = b"gilpy and CPython share one zlib, so the bytes must match. " * 8
CPY_LEVEL9 = (b'x\xdaK\xcf\xcc)\xa8TH\xccKQp\x0e\xa8,\xc9\xc8\xcfS(\xceH,JU\xc8\xcfKU\xa8\xca'
              b'\xc9L\xd2Q(\xceW(\xc9HUH\xaa,I-V\xc8--.Q\xc8M,I\xce\xd0SH\x1f\xd5:x\xb5\x02'
              b'\x00va\xa7\xe9')
CPY_GZIP1 = (b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x04\x03K\xcf\xcc)\xa8TH\xccKQp\x0e\xa8,\xc9'
             b'\xc8\xcfS(\xceH,JU\xc8\xcfKU\xa8\xca\xc9L\xd2Q(\xceW(\xc9HUH\xaa,I-V\xc8--.Q'
             b'\xc8M,I\xce\xd0SH\x1f\xd5:x\x83\t\x00\xf8\xb3k\x8f\xd8\x01\x00\x00')
print(zlib.compress(TEXT, 9) == CPY_LEVEL9, zlib.decompress(CPY_LEVEL9) == TEXT)
print(zlib.compress(TEXT, 1, 31) == CPY_GZIP1, zlib.decompress(CPY_GZIP1, 31) == TEXT)
print(zlib.compress(TEXT, 0, -15)[:5])


def noise(n, seed):
    """Incompressible bytes from a 64-bit LCG, the same under both interpreters."""
    out = bytearray()
    x = seed
    while len(out) < n:
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        out += x.to_bytes(8, "little")
    return bytes(out[:n])


big = noise(1 << 20, 7)
mixed = b"".join(big[i:i + 100] + b"abc" * 40 for i in range(0, 200000, 100))
for name, src in (("noise", big), ("mixed", mixed)):
    for n in (1000, 32767, 32768, 40000, 70000, 100000, 300000, len(src)):
        d = src[:n]
        row = []
        for level in (0, 1, 6, 9):
            c = zlib.compress(d, level)
            row.append((len(c), zlib.crc32(c)))
        print(name, n, row)
        co = zlib.compressobj(0)
        parts = [co.compress(d[:n // 3]), co.flush(zlib.Z_SYNC_FLUSH), co.compress(d[n // 3:]),
                 co.flush()]
        print("  stream", [len(p) for p in parts], zlib.crc32(b"".join(parts)))
        co = zlib.compressobj(0, zlib.DEFLATED, -15)
        parts = [co.compress(d[i:i + 50000]) for i in range(0, n, 50000)]
        parts += [co.flush(zlib.Z_FULL_FLUSH), co.flush()]
        print("  raw", [len(p) for p in parts], zlib.crc32(b"".join(parts)))
        assert zlib.decompress(b"".join(parts), -15) == d
