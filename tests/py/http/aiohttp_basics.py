# The aiohttp client subset against the local test server. Runs unchanged
# under CPython with python3-aiohttp (which produced the expected output).
import asyncio
import aiohttp
from _server import Server


async def main(srv):
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(srv.url('/json')) as r:
            print(r.status, r.reason, r.ok, str(r.url) == srv.url('/json'), r.method)
            print(r.headers['content-type'], r.headers.get('CONTENT-LENGTH'),
                  'Content-Type' in r.headers, r.content_type, r.charset, r.content_length)
            print(await r.json())
        async with session.get(srv.url('/')) as r:
            print(repr(await r.text()), r.get_encoding())
        async with session.get(srv.url('/latin1')) as r:
            print(r.charset, await r.text(), len(await r.read()))
        async with session.get(srv.url('/bytes/70000')) as r:
            body = await r.read()
            print(len(body), body[:4], body[-2:])

        # params, headers, json= and data=.
        async with session.get(srv.url('/headers'), params={'q': 'a b', 'n': 3},
                               headers={'X-Token': 'xyz'}) as r:
            seen = await r.json()
            print(seen['x-token'], seen['accept'], str(r.url).split('?')[1])
        async with session.post(srv.url('/echo'), json={'k': [1, 2]}) as r:
            print(r.headers['X-Echo-Method'], r.headers['X-Echo-Content-Type'], await r.read())
        async with session.post(srv.url('/echo'), data={'a': '1', 'b': 'x y'}) as r:
            print(r.headers['X-Echo-Content-Type'], await r.text())
        async with session.put(srv.url('/echo'), data=b'\x00\x01') as r:
            print(r.headers['X-Echo-Method'], r.headers['X-Echo-Content-Type'], await r.read())
        async with session.delete(srv.url('/echo')) as r:
            print(r.headers['X-Echo-Method'], await r.read())
        async with session.head(srv.url('/bytes/10')) as r:
            print('HEAD', r.status, r.headers['Content-Length'], await r.read())
        async with session.request('PATCH', srv.url('/echo'), data='text') as r:
            print(r.headers['X-Echo-Method'], r.headers['X-Echo-Content-Type'], await r.text())

        # Redirects: followed, with history.
        async with session.get(srv.url('/redirect/3')) as r:
            print(r.status, len(r.history), [h.status for h in r.history], await r.text(),
                  str(r.url) == srv.url('/redirect/0'))
        async with session.get(srv.url('/redirect/1'), allow_redirects=False) as r:
            print(r.status, r.headers['Location'])

        # Streaming with content.read(n).
        async with session.get(srv.url('/bytes/200000')) as r:
            total = 0
            while True:
                chunk = await r.content.read(50000)
                if not chunk:
                    break
                assert len(chunk) <= 50000
                total += len(chunk)
            print('streamed', total)
        async with session.get(srv.url('/bytes/100000')) as r:
            sizes = [len(c) async for c in r.content.iter_chunked(40000)]
            print('chunked total', sum(sizes), max(sizes) <= 40000)

        # Plain await, without async with.
        r = await session.get(srv.url('/status/201'))
        print(r.status, await r.text())
        r.release()

        # Concurrency: many requests at once through one session.
        async def fetch(i):
            async with session.get(srv.url('/delay/%d' % (i % 5 * 10))) as r:
                return await r.text()
        results = await asyncio.gather(*(fetch(i) for i in range(200)))
        print(len(results), results[:5])
    print('closed', session.closed)

    # A connector with a limit.
    connector = aiohttp.TCPConnector(limit=5)
    print('limit', connector.limit)
    async with aiohttp.ClientSession(connector=connector) as session:
        results = await asyncio.gather(*(session.get(srv.url('/delay/20')) for i in range(20)))
        print([r.status for r in results].count(200))
        for r in results:
            r.release()
    async with aiohttp.request('GET', srv.url('/json')) as r:
        print('aiohttp.request', r.status, (await r.json())['name'])


with Server() as srv:
    asyncio.run(main(srv))
