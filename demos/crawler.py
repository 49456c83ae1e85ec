"""A bounded-concurrency crawler over the local server's link graph.

    gilpy demos/crawler.py [BASE_URL] [--nodes N] [--concurrency C]

Workers take URLs from an asyncio.Queue; an asyncio.Semaphore bounds how
many fetches run at once; links found in each page are queued once. With
no BASE_URL it starts demos/http_server.py and crawls /links/<N>/0. Runs
unchanged on CPython with python3-aiohttp.
"""

import asyncio
import re
import sys
import time

import aiohttp

LINK = re.compile(r'href="([^"]+)"')


async def crawl(start, concurrency, workers=20):
    queue = asyncio.Queue()
    seen = {start}
    limit = asyncio.Semaphore(concurrency)
    fetched = 0
    bytes_in = 0
    errors = 0
    in_flight = 0
    peak = 0
    base = start.split('/links/')[0]

    async def worker(session):
        nonlocal fetched, bytes_in, errors, in_flight, peak
        while True:
            url = await queue.get()
            try:
                async with limit:
                    in_flight += 1
                    peak = max(peak, in_flight)
                    try:
                        async with session.get(url) as r:
                            r.raise_for_status()
                            page = await r.text()
                    finally:
                        in_flight -= 1
                fetched += 1
                bytes_in += len(page)
                for href in LINK.findall(page):
                    link = base + href if href.startswith('/') else href
                    if link not in seen:
                        seen.add(link)
                        queue.put_nowait(link)
            except (aiohttp.ClientError, asyncio.TimeoutError):
                errors += 1
            finally:
                queue.task_done()

    async with aiohttp.ClientSession() as session:
        queue.put_nowait(start)
        tasks = [asyncio.ensure_future(worker(session)) for _ in range(workers)]
        await queue.join()
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return fetched, bytes_in, errors, peak


def main():
    args = sys.argv[1:]
    nodes, concurrency, base = 500, 10, None
    i = 0
    while i < len(args):
        if args[i] == '--nodes':
            nodes = int(args[i + 1])
            i += 2
        elif args[i] == '--concurrency':
            concurrency = int(args[i + 1])
            i += 2
        else:
            base = args[i].rstrip('/')
            i += 1
    if base is None:
        from _local_server import start_local_server
        base = start_local_server()
    start = '%s/links/%d/0' % (base, nodes)
    t0 = time.perf_counter()
    fetched, bytes_in, errors, peak = asyncio.run(crawl(start, concurrency))
    wall = time.perf_counter() - t0
    print('crawled %d pages (%d bytes, %d errors) in %.2f s, %.0f pages/s, '
          'at most %d fetches at once (limit %d)'
          % (fetched, bytes_in, errors, wall, fetched / wall, peak, concurrency))


if __name__ == '__main__':
    try:
        main()
    finally:
        local = sys.modules.get('_local_server')  # the server we started, if any
        if local is not None:
            local.stop_local_server()
