# Finished requests leave no reference cycles behind: everything a request
# made is freed by reference counting, none of it waits for the cycle
# collector (gc.DEBUG_SAVEALL would keep it in gc.garbage). Concurrent
# requests, sequential ones, and a response streamed through .content.
import asyncio, gc, aiohttp
from _server import Server
async def main(srv):
    async with aiohttp.ClientSession() as session:
        async def one(path):
            async with session.get(srv.url(path)) as r:
                await r.read()
        for path in ('/json', '/bytes/10'):
            await one(path)
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)
        await asyncio.gather(*(one('/bytes/100') for _ in range(20)))
        for i in range(10):
            await one('/json')
        async with session.get(srv.url('/bytes/1000')) as r:
            chunks = [c async for c in r.content.iter_chunked(300)]
        print(sum(map(len, chunks)))
        gc.collect()
        gc.set_debug(0)
        print(len(gc.garbage), sorted({type(o).__name__ for o in gc.garbage}))
with Server() as srv:
    asyncio.run(main(srv))
