"""Streams a large file to disk with a progress bar.

    gilpy demos/download.py [URL] [OUTPUT]

The body is read in chunks as it arrives (response.content.iter_chunked),
so memory stays flat whatever the size. With no URL it starts
demos/http_server.py and downloads /bytes/<64 MiB>. Runs unchanged on
CPython with python3-aiohttp.
"""

import asyncio
import os
import sys
import time

import aiohttp

CHUNK = 256 * 1024


def bar(done, total, started):
    elapsed = max(time.perf_counter() - started, 1e-6)
    rate = done / elapsed / (1 << 20)
    if total:
        width = 30
        filled = int(width * done / total)
        return '\r[%s%s] %5.1f%%  %7.1f MiB  %6.1f MiB/s' % (
            '#' * filled, '.' * (width - filled), 100 * done / total, done / (1 << 20), rate)
    return '\r%7.1f MiB  %6.1f MiB/s' % (done / (1 << 20), rate)


async def download(url, path):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as r:
            r.raise_for_status()
            total = r.content_length
            done = 0
            started = time.perf_counter()
            last = 0.0
            with open(path, 'wb') as out:
                async for chunk in r.content.iter_chunked(CHUNK):
                    out.write(chunk)
                    done += len(chunk)
                    now = time.perf_counter()
                    if now - last > 0.1 or done == total:
                        last = now
                        sys.stderr.write(bar(done, total, started))
                        sys.stderr.flush()
    sys.stderr.write('\n')
    return done, time.perf_counter() - started


def main():
    if len(sys.argv) > 1:
        url = sys.argv[1]
    else:
        from _local_server import start_local_server
        url = start_local_server() + '/bytes/%d' % (64 << 20)
    path = sys.argv[2] if len(sys.argv) > 2 else '/tmp/gilpy-download.bin'
    size, seconds = asyncio.run(download(url, path))
    print('saved %d bytes to %s in %.2f s' % (size, path, seconds))
    if len(sys.argv) <= 2:
        os.remove(path)


if __name__ == '__main__':
    try:
        main()
    finally:
        local = sys.modules.get('_local_server')  # the server we started, if any
        if local is not None:
            local.stop_local_server()
