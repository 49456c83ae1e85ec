# No file descriptor outlives the transfers that used it: after warm-up,
# repeating successes and every kind of failure leaves the count unchanged.
# Expected output from CPython + python3-aiohttp:
#   python3 tests/py/regen.py --python /usr/bin/python3 tests/http/fd_leaks.py
import asyncio
import threading
import urllib.request
import urllib.error
import aiohttp
from _server import Server, free_port, open_fds

URLLIB_CASES = ['/json', '/bytes/300000', '/status/404', '/redirect/2', '/loop', '/close',
                '/truncate/5000', '/stall']


def urllib_round(srv):
    for path in URLLIB_CASES:
        try:
            with urllib.request.urlopen(srv.url(path), timeout=0.3) as r:
                r.read()
        except (urllib.error.URLError, OSError, Exception):
            pass
    for url in ('http://127.0.0.1:%d/' % free_port(), 'http://no-such-host.invalid/'):
        try:
            urllib.request.urlopen(url)
        except urllib.error.URLError:
            pass
    # A response dropped before its body was read.
    r = urllib.request.urlopen(srv.url('/bytes/1000000'))
    r.read(10)
    r.close()
    # Threads fetching at once.
    threads = [threading.Thread(target=lambda: urllib.request.urlopen(srv.url('/delay/50')).read())
               for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


async def aiohttp_round(srv):
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=0.5)) as session:
        async def one(path):
            try:
                async with session.get(srv.url(path)) as r:
                    await r.read()
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
        await asyncio.gather(*(one(p) for p in URLLIB_CASES * 2))
        task = asyncio.ensure_future(one('/delay/3000'))
        await asyncio.sleep(0.1)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        for url in ('http://127.0.0.1:%d/' % free_port(), 'http://no-such-host.invalid/'):
            try:
                await session.get(url)
            except aiohttp.ClientError:
                pass


with Server() as srv:
    urllib_round(srv)
    asyncio.run(aiohttp_round(srv))
    before = open_fds()
    for i in range(3):
        urllib_round(srv)
        asyncio.run(aiohttp_round(srv))
    after = open_fds()
    # urllib's transfers share one connection cache that keeps idle keep-alive
    # connections open, and how many are still open when the count is taken
    # depends on when the server hung up; a leak grows by several fds a round.
    print('fds grew:', after - before > 2)
