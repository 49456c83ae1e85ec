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
    # Across buckets the order depends on how long starting 5,000 tasks
    # takes (a bucket-1 task started late can be due after an early bucket-2
    # one); within a bucket the deadlines follow creation order.
    print(all([i for i in out if i % 5 == b] == list(range(b, N, 5)) for b in range(5)))
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
