# Thousands of concurrent tasks: order follows deadlines, not creation.
import asyncio

N = 5000


async def job(i, out):
    # Deadlines in 5 buckets; within a bucket, creation order is kept.
    await asyncio.sleep((i % 5) * 0.01)
    out.append(i)
    return i * i


async def main():
    out = []
    tasks = [asyncio.create_task(job(i, out)) for i in range(N)]
    print(len(asyncio.all_tasks()))
    results = await asyncio.gather(*tasks)
    print(sum(results), len(out))
    expected = sorted(range(N), key=lambda i: (i % 5, i))
    print(out == expected)
    print(len(asyncio.all_tasks()))

    # Many sleep(0) round trips interleave fairly.
    trace = []
    async def ticker(name, n):
        for k in range(n):
            trace.append(name)
            await asyncio.sleep(0)
    await asyncio.gather(ticker('a', 3), ticker('b', 3), ticker('c', 2))
    print(''.join(trace))

    # Cancel a thousand sleepers at once.
    sleepers = [asyncio.create_task(asyncio.sleep(100)) for _ in range(1000)]
    await asyncio.sleep(0)
    for t in sleepers:
        t.cancel()
    res = await asyncio.gather(*sleepers, return_exceptions=True)
    print(all(isinstance(r, asyncio.CancelledError) for r in res))

asyncio.run(main())
