"""The same 50 URLs fetched three ways: one after another, with a thread
pool, and with asyncio + the aiohttp client. Each URL is delayed 200 ms by
the server, so the work is all waiting: the overlap of threads and
coroutines shows as a speed-up over the sequential loop.

    gilpy demos/fetch_compare.py [BASE_URL]

With no BASE_URL it starts demos/http_server.py itself. Runs unchanged on
CPython (with python3-aiohttp installed) for comparison.
"""

import asyncio
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import aiohttp

N = 50
DELAY_MS = 200


def percentile(values, p):
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


def fetch_one(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as r:
        r.read()
    return time.perf_counter() - start


def sequential(urls):
    return [fetch_one(u) for u in urls]


def threaded(urls):
    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        return list(pool.map(fetch_one, urls))


async def with_asyncio(urls):
    async with aiohttp.ClientSession() as session:
        async def one(url):
            start = time.perf_counter()
            async with session.get(url) as r:
                await r.read()
            return time.perf_counter() - start
        return await asyncio.gather(*(one(u) for u in urls))


def main():
    if len(sys.argv) > 1:
        base = sys.argv[1].rstrip('/')
    else:
        from _local_server import start_local_server
        base = start_local_server()
    urls = ['%s/delay/%d' % (base, DELAY_MS) for _ in range(N)]
    print('%d fetches of %s/delay/%d on %s' % (N, base, DELAY_MS, sys.implementation.name))
    print('%-12s %9s %9s %9s %9s' % ('mode', 'wall s', 'p50 ms', 'p99 ms', 'speed-up'))
    base_wall = None
    for name, run in (('sequential', lambda: sequential(urls)),
                      ('threads', lambda: threaded(urls)),
                      ('asyncio', lambda: asyncio.run(with_asyncio(urls)))):
        start = time.perf_counter()
        latencies = run()
        wall = time.perf_counter() - start
        if base_wall is None:
            base_wall = wall
        print('%-12s %9.2f %9.1f %9.1f %8.1fx' % (
            name, wall, percentile(latencies, 50) * 1e3, percentile(latencies, 99) * 1e3,
            base_wall / wall))


if __name__ == '__main__':
    try:
        main()
    finally:
        local = sys.modules.get('_local_server')  # the server we started, if any
        if local is not None:
            local.stop_local_server()
