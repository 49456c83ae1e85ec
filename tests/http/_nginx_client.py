# The client half of _nginx_check.py: fetches nginx's static files with
# urllib (threads) and aiohttp (coroutines) and prints what it got. Its
# output under gilpy must equal CPython + python3-aiohttp's.
#   usage: _nginx_client.py BASE_URL
import asyncio
import sys
import threading
import urllib.request
import urllib.error
import aiohttp

BASE = sys.argv[1]
FILES = ['small.txt', '64k.bin', '1m.bin', '5m.bin', 'empty.txt']


def digest(data):
    """A cheap fingerprint: length, ends and a sampled sum."""
    return '%d %s %s %d' % (len(data), data[:4].hex(), data[-4:].hex(), sum(data[::4093]))


def with_urllib():
    for name in FILES:
        with urllib.request.urlopen(BASE + '/' + name) as r:
            print('urllib', name, r.status, r.headers['Content-Length'], digest(r.read()))
    with urllib.request.urlopen(BASE + '/5m.bin') as r:
        parts = []
        while True:
            chunk = r.read(1 << 20)
            if not chunk:
                break
            parts.append(chunk)
        print('urllib streamed', len(parts), digest(b''.join(parts)))
    try:
        urllib.request.urlopen(BASE + '/missing')
    except urllib.error.HTTPError as e:
        print('urllib missing', e.code, e.reason)
        e.close()
    # Keep-alive from several threads at once.
    results = []

    def worker():
        for i in range(25):
            with urllib.request.urlopen(BASE + '/small.txt') as r:
                results.append(r.read())
    threads = [threading.Thread(target=worker) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print('urllib threads', len(results), len(set(results)))


async def with_aiohttp():
    async with aiohttp.ClientSession() as session:
        for name in FILES:
            async with session.get(BASE + '/' + name) as r:
                print('aiohttp', name, r.status, r.headers['Content-Length'],
                      digest(await r.read()))
        async with session.get(BASE + '/5m.bin') as r:
            got = 0
            async for chunk in r.content.iter_chunked(1 << 20):
                got += len(chunk)
            print('aiohttp streamed', got)
        async with session.get(BASE + '/missing') as r:
            print('aiohttp missing', r.status, r.reason)

        async def small(i):
            async with session.get(BASE + '/small.txt') as r:
                return await r.text()
        texts = await asyncio.gather(*(small(i) for i in range(300)))
        print('aiohttp concurrent', len(texts), set(texts))


with_urllib()
asyncio.run(with_aiohttp())
