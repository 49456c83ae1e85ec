"""The measured half of bench/http/run.py: one workload, run by gilpy or by
CPython (+ python3-aiohttp), printing one `result <json>` line.

    client.py MODE BASE_URL [N] [CONCURRENCY]

MODE is one of
  delay_async    N concurrent GETs of /delay/100 with asyncio + aiohttp
  delay_threads  N threads, each one urllib GET of /delay/100
  small_async    N GETs of a small body, CONCURRENCY at a time (keep-alive)
  small_threads  the same with CONCURRENCY threads and urllib
Reports wall seconds, requests/s and latency p50/p99 in ms.
"""

import asyncio
import json
import sys
import threading
import time
import urllib.request

import aiohttp


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


async def run_async(urls, concurrency):
    latencies = []
    limit = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=max(concurrency, 100) if concurrency < len(urls)
                                     else 0)
    async with aiohttp.ClientSession(connector=connector) as session:
        async def one(url):
            async with limit:
                t0 = time.perf_counter()
                async with session.get(url) as r:
                    await r.read()
                latencies.append(time.perf_counter() - t0)
        start = time.perf_counter()
        await asyncio.gather(*(one(u) for u in urls))
        return time.perf_counter() - start, latencies


def run_threads(urls, concurrency):
    latencies = []
    lock = threading.Lock()
    pending = list(urls)

    def worker():
        while True:
            with lock:
                if not pending:
                    return
                url = pending.pop()
            t0 = time.perf_counter()
            with urllib.request.urlopen(url) as r:
                r.read()
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, latencies


def main():
    mode, base = sys.argv[1], sys.argv[2].rstrip('/')
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    concurrency = int(sys.argv[4]) if len(sys.argv) > 4 else n
    path = '/delay/100' if mode.startswith('delay') else '/small.txt'
    urls = [base + path] * n
    if mode.endswith('async'):
        wall, lat = asyncio.run(run_async(urls, concurrency))
    else:
        wall, lat = run_threads(urls, concurrency)
    print('result ' + json.dumps({
        'mode': mode, 'n': n, 'concurrency': concurrency, 'wall_s': round(wall, 4),
        'req_per_s': round(n / wall, 1), 'p50_ms': round(percentile(lat, 50) * 1e3, 2),
        'p99_ms': round(percentile(lat, 99) * 1e3, 2)}))


if __name__ == '__main__':
    main()
