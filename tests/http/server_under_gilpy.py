# demos/http_server.py run by the interpreter under test (sys.executable):
# under gilpy this exercises asyncio streams on the server side too.
# Expected output from CPython + python3-aiohttp:
#   python3 tests/py/regen.py --python /usr/bin/python3 tests/http/server_under_gilpy.py
import asyncio
import sys
import urllib.request
import urllib.error
import aiohttp
from _server import Server

with Server(python=sys.executable) as srv:
    with urllib.request.urlopen(srv.url('/json')) as r:
        print(r.status, r.read())
    with urllib.request.urlopen(srv.url('/echo'), data=b'x' * 100000) as r:
        print(len(r.read()), r.headers['X-Echo-Method'])
    with urllib.request.urlopen(srv.url('/redirect/3')) as r:
        print(r.read())
    try:
        urllib.request.urlopen(srv.url('/status/404'))
    except urllib.error.HTTPError as e:
        print(e.code, e.reason)
        e.close()

    async def main():
        async with aiohttp.ClientSession() as session:
            async def one(i):
                async with session.get(srv.url('/bytes/%d' % (i * 10))) as r:
                    return len(await r.read())
            sizes = await asyncio.gather(*(one(i) for i in range(100)))
            print(sum(sizes), sizes[:5])
            async with session.get(srv.url('/delay/50')) as r:
                print(await r.text())
    asyncio.run(main())
