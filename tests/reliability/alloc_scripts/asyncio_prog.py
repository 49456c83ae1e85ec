# Allocation sweep: asyncio tasks, a queue, gather, a timeout and a stream.
import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)


async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            return total
        total += item


async def slow():
    await asyncio.sleep(10)


async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()


async def main():
    q = asyncio.Queue()
    total, _ = await asyncio.gather(consumer(q), producer(q, 20))
    try:
        await asyncio.wait_for(slow(), 0.01)
    except asyncio.TimeoutError:
        timed_out = True
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n")
    line = await reader.readline()
    writer.close()
    server.close()
    await server.wait_closed()
    print(total, timed_out, line)


asyncio.run(main())
