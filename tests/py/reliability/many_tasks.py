# 200,000 tasks waiting at once on one Event, then all complete.
#
# The suite runs 20,000 under GILPY_SUITE_SCALE (set by tests/meson.build) so
# the sanitizer builds stay quick; the output is the same either way.
import asyncio
import os

N = 200_000 if not os.environ.get('GILPY_SUITE_SCALE') else 20_000


async def waiter(ev, out, i):
    await ev.wait()
    out.append(i)


async def main():
    ev = asyncio.Event()
    out = []
    tasks = [asyncio.create_task(waiter(ev, out, i)) for i in range(N)]
    await asyncio.sleep(0)
    print('all pending:', sum(not t.done() for t in tasks) == N)
    ev.set()
    await asyncio.gather(*tasks)
    print('all done:', len(out) == N, out[:3], out[-1] == N - 1)


asyncio.run(main())
