# Back-pressure: a 200 MiB body that the program reads slowly, 64 KiB at a
# time after a pause, is not buffered in memory ahead of the reader: the
# transfer pauses once about 1 MiB waits, and resumes as the reader drains it.
# Peak RSS growth stays far below the body's size, for urllib in a thread and
# for the aiohttp client. Prints booleans, never sizes.
# Expected output from CPython + python3-aiohttp:
#   python3 tests/py/regen.py --python /usr/bin/python3 tests/http/backpressure.py
import asyncio
import time
import urllib.request
import aiohttp
from _server import Server

SIZE = 200 << 20
CHUNK = 64 << 10
BOUND = 48 << 20  # far below SIZE, far above the buffers of either client


def sanitized():
    # AddressSanitizer keeps freed memory in quarantine (256 MiB by default),
    # so reading 200 MiB through short-lived bytes objects raises the peak
    # RSS of a sanitizer build whatever the transfer buffers. Only the peak
    # check is relaxed there; the checks while not reading still hold.
    with open('/proc/self/maps') as f:
        return 'libasan' in f.read()


def status_kib(field):
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith(field + ':'):
                return int(line.split()[1]) * 1024
    return 0


def check_pattern(data, offset):
    # Spot-check the server's repeating 0..255 pattern.
    return all(data[i] == (offset + i) % 256 for i in (0, len(data) // 2, len(data) - 1))


def read_slowly_urllib(url):
    start = status_kib('VmRSS')
    with urllib.request.urlopen(url) as r:
        first = r.read(CHUNK)
        time.sleep(0.5)  # the server keeps sending meanwhile
        grown_while_paused = status_kib('VmRSS') - start
        total = len(first)
        good = check_pattern(first, 0)
        while True:
            chunk = r.read(CHUNK)
            if not chunk:
                break
            if total % (16 << 20) == 0:
                good = good and check_pattern(chunk, total)
            total += len(chunk)
    peak = status_kib('VmHWM') - start
    print('urllib: all bytes:', total == SIZE, 'pattern:', good)
    print('urllib: bounded while not reading:', grown_while_paused < BOUND)
    print('urllib: peak bounded:', peak < BOUND or sanitized())


def read_other_urllib(srv, url):
    # Waiting on a second response of the same thread runs the transport of
    # both: the first one's unread body must still not pile up.
    start = status_kib('VmRSS')
    with urllib.request.urlopen(url) as big:
        big.read(CHUNK)
        for i in range(4):
            with urllib.request.urlopen(srv.url('/delay/250')) as r:
                r.read()
        grown = status_kib('VmRSS') - start
        rest = 0
        while True:
            chunk = big.read(1 << 20)
            if not chunk:
                break
            rest += len(chunk)
    print('urllib: unread body bounded while another is read:', grown < BOUND)
    print('urllib: all bytes:', rest + CHUNK == SIZE)


async def read_slowly_aiohttp(url):
    start = status_kib('VmRSS')
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as r:
            first = await r.content.readexactly(CHUNK)
            await asyncio.sleep(1.0)
            grown_while_paused = status_kib('VmRSS') - start
            total = len(first)
            while True:
                chunk = await r.content.read(CHUNK)
                if not chunk:
                    break
                total += len(chunk)
    print('aiohttp: all bytes:', total == SIZE)
    print('aiohttp: bounded while not reading:', grown_while_paused < BOUND)


with Server() as srv:
    url = srv.url('/bytes/%d' % SIZE)
    read_slowly_urllib(url)
    read_other_urllib(srv, url)
    asyncio.run(read_slowly_aiohttp(url))
