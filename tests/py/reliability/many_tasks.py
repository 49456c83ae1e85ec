# 20,000 tasks waiting at once on one Event, then all complete.
import asyncio

N = 20_000


async def waiter(ev, out, i):
    await ev.wait()
    out.append(i)


async def main():
    ev = asyncio.Event()
    out = []
    tasks = [asyncio.create_task(waiter(ev, out, i)) for i in range(N)]
    await asyncio.sleep(0)
    print('pending:', sum(not t.done() for t in tasks))
    ev.set()
    await asyncio.gather(*tasks)
    print('done:', len(out), out[:3], out[-1])


asyncio.run(main())
