# Timers fire in deadline order however they were scheduled: in order (the
# loop keeps those in a FIFO beside its heap), out of order, interleaved,
# with many cancelled (which makes the loop purge them) and with new ones
# scheduled while others fire.
import asyncio
import random


async def main():
    loop = asyncio.get_running_loop()
    base = loop.time() + 0.02
    fired = []

    rng = random.Random(7)
    in_order = [base + k * 0.0005 for k in range(40)]
    shuffled = [base + 0.00025 + k * 0.0005 for k in range(40)]
    rng.shuffle(shuffled)
    for a, b in zip(in_order, shuffled):
        loop.call_at(a, fired.append, a)
        loop.call_at(b, fired.append, b)
    # Earlier than everything so far, after the in-order ones were pushed.
    loop.call_at(base - 0.01, fired.append, base - 0.01)
    await asyncio.sleep(0.06)
    print(len(fired), fired == sorted(fired))

    # Hundreds of timers, most cancelled: the survivors still fire in order.
    fired = []
    base = loop.time() + 0.02
    handles = [loop.call_at(base + k * 0.0001, fired.append, k) for k in range(300)]
    for k, h in enumerate(handles):
        if k % 3:
            h.cancel()
    later = [loop.call_at(base + 0.00005 + k * 0.0003, fired.append, 1000 + k) for k in range(5)]
    await asyncio.sleep(0.06)
    expected = sorted([(base + k * 0.0001, k) for k in range(0, 300, 3)] +
                      [(base + 0.00005 + k * 0.0003, 1000 + k) for k in range(5)])
    print(len(fired), fired == [k for _, k in expected], later[0].cancelled())

    # Timers scheduled from inside timer callbacks.
    fired = []

    def chain(n):
        fired.append(n)
        if n < 5:
            loop.call_later(0.001 * (5 - n), chain, n + 1)
            loop.call_later(0.0005, fired.append, -n)

    loop.call_soon(chain, 0)
    await asyncio.sleep(0.05)
    print(fired)

    # Sleeps of different lengths started together end shortest first.
    ends = []

    async def nap(d):
        await asyncio.sleep(d)
        ends.append(d)

    await asyncio.gather(*(nap(d) for d in (0.12, 0.04, 0.08, 0.02, 0.1)))
    print(ends)


asyncio.run(main())
