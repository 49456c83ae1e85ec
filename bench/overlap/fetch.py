"""N HTTP fetches that each wait DELAY seconds on the server: one after
another, one thread each (urllib) and one coroutine each (asyncio with the
aiohttp client), with the wall time of each next to the ideal, in the same
format as demos/overlap_sleep.py. Runs unchanged under gilpy and CPython
(with python3-aiohttp; without it the coroutine row says "unavailable").

    <interpreter> bench/overlap/fetch.py [N] [DELAY] [BASE_URL]

BASE_URL is a running demos/http_server.py (bench/suite.py starts one and
passes it, so that every interpreter is measured against the same server);
without it the script starts one itself. demos/fetch_compare.py is the
user-facing version with a fixed 50 fetches of 200 ms.
"""

import asyncio
import os
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'demos'))
from overlap_sleep import measure, report  # noqa: E402


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.read()


def sequential(urls):
    for url in urls:
        fetch(url)


def threads(urls):
    workers = [threading.Thread(target=fetch, args=(u,)) for u in urls]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


def coroutines(urls):
    import aiohttp

    async def all_fetches():
        async with aiohttp.ClientSession() as session:
            async def one(url):
                async with session.get(url) as r:
                    return await r.read()
            await asyncio.gather(*(one(u) for u in urls))
    asyncio.run(all_fetches())


def timed(variant, urls):
    start = time.perf_counter()
    variant(urls)
    return time.perf_counter() - start


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.2
    if len(sys.argv) > 3:
        base = sys.argv[3].rstrip('/')
    else:
        from _local_server import start_local_server
        base = start_local_server()
    urls = ['%s/delay/%d' % (base, round(delay * 1000))] * n
    results = [('sequential', measure(timed, sequential, urls)),
               ('threads', measure(timed, threads, urls)),
               ('coroutines', measure(timed, coroutines, urls))]
    report('%d HTTP fetches delayed %g s on %s %s' % (n, delay, sys.implementation.name,
                                                      sys.version.split()[0]),
           results, n, delay)
    if len(sys.argv) <= 3:
        from _local_server import stop_local_server
        stop_local_server()


if __name__ == '__main__':
    main()
