# Zero-copy buffer work: slicing a memoryview, comparing and joining slices,
# struct.unpack_from on a view, and filling a bytearray through a view.
import struct
import time


def work(n):
    data = bytes(range(256)) * 16
    view = memoryview(data)
    buf = bytearray(4096)
    out = memoryview(buf)
    total = 0
    for i in range(n):
        off = i & 4031
        chunk = view[off:off + 64]
        total += len(chunk) + chunk[7]
        if chunk[:4] == data[off:off + 4]:
            total += 1
        total += struct.unpack_from('<I', view, off)[0] & 7
        out[off:off + 8] = chunk[8:16]
        total += len(b''.join((chunk[:2], chunk[-2:])))
    return total


start = time.perf_counter()
work(500_000)
print("elapsed", time.perf_counter() - start)
