# zlib from several threads: big inputs run without the GIL, and stream
# objects shared between threads stay consistent.
import threading
import zlib

blocks = [bytes([i]) * 50000 + bytes(range(256)) * 800 + b"%d" % i * 3000 for i in range(6)]
expected = [zlib.compress(b, 6) for b in blocks]
results = {}


def worker(i):
    for _ in range(3):
        c = zlib.compress(blocks[i], 6)
        d = zlib.decompress(c)
        results[i] = (c == expected[i], d == blocks[i], zlib.crc32(blocks[i]))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([results[i][:2] for i in range(6)])
print([results[i][2] == zlib.crc32(blocks[i]) for i in range(6)])

# One compressor fed by several threads in turn (a lock orders the calls, so
# the stream is deterministic), each piece big enough to drop the GIL.
co = zlib.compressobj(1)
order = threading.Lock()
pieces = []


def feeder(i):
    with order:
        pieces.append((i, co.compress(blocks[i])))


threads = [threading.Thread(target=feeder, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
stream = b"".join(p for _, p in pieces) + co.flush()
fed = b"".join(blocks[i] for i, _ in pieces)
print(zlib.decompress(stream) == fed)

# One decompressor hammered from several threads without ordering: each call
# is atomic, so the pieces (in whatever order they came out) add up.
packed = zlib.compress(b"".join(blocks))
do = zlib.decompressobj()
outs = []
feed = [packed[i:i + 70000] for i in range(0, len(packed), 70000)]
lock = threading.Lock()


def eater():
    while True:
        with lock:
            if not feed:
                return
            piece = feed.pop(0)
            outs.append(do.decompress(piece))


threads = [threading.Thread(target=eater) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(b"".join(outs) == b"".join(blocks), do.eof)

# Copies taken while other threads compress with the same object.
co = zlib.compressobj(6)
head = co.compress(blocks[0])
copies = []


def copier():
    copies.append(co.copy())


threads = [threading.Thread(target=copier) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
tails = {c.flush() for c in copies}
print(len(copies), len(tails), zlib.decompress(head + co.flush()) == blocks[0],
      zlib.decompress(head + tails.pop()) == blocks[0])
