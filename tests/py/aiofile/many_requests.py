# gilpy.aio under load: many concurrent requests, a large file in chunks,
# text decoding across read boundaries, and a FIFO whose writer is slow
# while other tasks keep running on the loop.
import asyncio
import os
import tempfile
import threading
import time

try:
    from gilpy import aio
except ImportError:
    import _aio_compat as aio


async def many_files(d):
    names = [os.path.join(d, 'f%03d' % i) for i in range(300)]
    sizes = await asyncio.gather(*(aio.write_file(n, bytes([i % 256]) * (i * 37))
                                   for i, n in enumerate(names)))
    print('written', sum(sizes) == sum(i * 37 for i in range(300)))
    datas = await asyncio.gather(*(aio.read_file(n) for n in names))
    print('read back', all(data == bytes([i % 256]) * (i * 37) for i, data in enumerate(datas)))
    stats = await asyncio.gather(*(aio.stat(n) for n in names))
    print('stats', [s.st_size for s in stats[:5]], all(s.st_size == i * 37 for i, s in enumerate(stats)))


async def large_file(d):
    p = os.path.join(d, 'big')
    blob = bytes(range(256)) * 12289  # a bit over 3 MB, not a multiple of the chunk
    await aio.write_file(p, blob)
    parts = []
    async with aio.open(p, 'rb') as f:
        while True:
            chunk = await f.read(65536)
            if not chunk:
                break
            parts.append(len(chunk))
    print('chunks', len(parts), parts[-1], sum(parts) == len(blob))
    print('whole', (await aio.read_file(p)) == blob)


async def text_boundaries(d):
    p = os.path.join(d, 'text')
    line = 'a\xe9\u20ac\U0001f600\r\nb\rc\n'
    await aio.write_file(p, line * 3000, 'w')
    for size in (1, 7, 4096, 8193):
        got = []
        async with aio.open(p, 'r') as f:
            while True:
                s = await f.read(size)
                if not s:
                    break
                got.append(s)
        text = ''.join(got)
        print('read(%d)' % size, len(text), text == (line * 3000).replace('\r\n', '\n').replace('\r', '\n'),
              max(len(s) for s in got) <= size)


async def slow_fifo(d):
    p = os.path.join(d, 'fifo')
    os.mkfifo(p)

    def writer():
        with open(p, 'wb') as w:  # blocks until the reader opens
            time.sleep(0.2)
            w.write(b'late data')

    t = threading.Thread(target=writer)
    t.start()
    ticks = 0
    done = False

    async def ticker():
        nonlocal ticks
        while not done:
            ticks += 1
            await asyncio.sleep(0.01)

    tick_task = asyncio.ensure_future(ticker())
    data = await aio.read_file(p)
    done = True
    await tick_task
    t.join()
    print('fifo', data, 'loop ran meanwhile:', ticks > 3)


async def main(d):
    await many_files(d)
    await large_file(d)
    await text_boundaries(d)
    await slow_fifo(d)


with tempfile.TemporaryDirectory() as d:
    asyncio.run(main(d))
