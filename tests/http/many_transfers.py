# Thousands of concurrent transfers: coroutines through one session (with
# the default connector limit and with none), and many threads with urllib.
# Expected output from CPython + python3-aiohttp:
#   python3 tests/py/regen.py --python /usr/bin/python3 tests/http/many_transfers.py
import asyncio
import threading
import urllib.request
import aiohttp
from _server import Server


async def fetch_all(srv, n, limit):
    connector = aiohttp.TCPConnector(limit=limit)
    async with aiohttp.ClientSession(connector=connector) as session:
        async def one(i):
            async with session.get(srv.url('/bytes/%d' % (i % 7 * 100))) as r:
                return len(await r.read()) == i % 7 * 100
        results = await asyncio.gather(*(one(i) for i in range(n)))
    return results.count(True)


def threads_fetch(srv, nthreads, each):
    ok = []
    lock = threading.Lock()

    def worker(k):
        good = 0
        for i in range(each):
            with urllib.request.urlopen(srv.url('/delay/%d' % (i % 3))) as r:
                good += r.read() == b'delayed %d' % (i % 3)
        with lock:
            ok.append(good)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(ok)


with Server() as srv:
    print('coroutines, limit 100:', asyncio.run(fetch_all(srv, 1000, 100)))
    print('coroutines, no limit:', asyncio.run(fetch_all(srv, 300, 0)))
    print('threads:', threads_fetch(srv, 20, 5))
