# Cancelling thousands of tasks whose file requests are in flight: every
# request still finishes in the background, nothing leaks (descriptors that
# a cancelled open() obtained are closed), and the loop stays usable.
import asyncio
import os
import tempfile

try:
    from gilpy import aio
except ImportError:
    import _aio_compat as aio

N = 1000


def open_fds():
    return len(os.listdir('/proc/self/fd'))


async def settle(before):
    # Requests of cancelled tasks finish in the background; give them time.
    # Only the final count is printed, so the output does not depend on speed.
    for _ in range(500):
        if open_fds() <= before:
            return
        await asyncio.sleep(0.01)


async def open_and_read(path):
    async with aio.open(path, 'rb') as f:
        return await f.read()


async def main(path):
    before = open_fds()
    for label, make in (('read_file', lambda: aio.read_file(path)),
                        ('open+read', lambda: open_and_read(path)),
                        ('bare open', lambda: aio.open(path, 'rb')),
                        ('stat', lambda: aio.stat(path))):
        for when in (0, 2):
            tasks = [asyncio.ensure_future(make()) for _ in range(N)]
            for _ in range(when):
                await asyncio.sleep(0)
            for t in tasks:
                t.cancel()
            results = await asyncio.gather(*tasks, return_exceptions=True)
            cancelled = sum(isinstance(r, asyncio.CancelledError) for r in results)
            ok = sum(1 for r in results if not isinstance(r, BaseException))
            # A task may finish before its cancel() arrives; none may fail otherwise.
            bad = [r for r in results if isinstance(r, Exception)]
            for r in results:
                if isinstance(r, aio.AsyncFile if hasattr(aio, 'AsyncFile') else ()):
                    await r.close()
            print(label, 'after', when, 'yields:', cancelled + ok == N, 'errors', bad)
        await settle(before)
        print(label, 'leaked fds:', open_fds() - before)
    # The loop still works and reads the right data.
    data = await asyncio.gather(*(aio.read_file(path) for _ in range(100)))
    print('after cancellations:', all(d == b'x' * 10000 for d in data))


with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f')
    with open(p, 'wb') as f:
        f.write(b'x' * 10000)
    asyncio.run(main(p))
