# Cancelling a task blocked in reader.read(); closing a writer another task
# reads from; closing a server while its clients are connected; fd counts.
import asyncio
import os


def open_fds():
    return len(os.listdir('/proc/self/fd'))


async def echo(reader, writer):
    try:
        while data := await reader.read(100):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(echo, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]

    # Cancel a reader blocked on a quiet connection; the transport stays usable.
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    task = asyncio.create_task(reader.read(10))
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('read cancelled', task.cancelled())
    writer.write(b'still works')
    print(await reader.read(100))
    writer.close()
    await writer.wait_closed()
    print('closed after cancel', writer.is_closing())

    # Another task reads while we close the writer: it sees EOF.
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    task = asyncio.create_task(reader.read(10))
    await asyncio.sleep(0.01)
    writer.close()
    print('reader saw', await task)
    await writer.wait_closed()

    # Server close while clients are connected: they keep working (3.11).
    clients = []
    for _ in range(3):
        clients.append(await asyncio.open_connection('127.0.0.1', port))
    await asyncio.sleep(0.01)
    server.close()
    await server.wait_closed()
    print('server closed, serving', server.is_serving())
    for i, (r, w) in enumerate(clients):
        w.write(b'ping %d' % i)
        print(await r.read(100))
    for r, w in clients:
        w.close()
        await w.wait_closed()
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError:
        print('new connections refused')

    # serve_forever is cancelled cleanly; async with closes.
    server = await asyncio.start_server(echo, '127.0.0.1', 0, start_serving=False)
    print('start_serving=False ->', server.is_serving())
    async with server:
        task = asyncio.create_task(server.serve_forever())
        await asyncio.sleep(0.01)
        print('serving', server.is_serving())
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print('serve_forever cancelled, serving', server.is_serving())


# The loop's own fds (epoll, wakeup) go with it: count around asyncio.run,
# after a first loop has made whatever a process keeps once (libuv's pipe).
asyncio.new_event_loop().close()
before = open_fds()
asyncio.run(main())
print('fds back to start', open_fds() == before)
