"""An echo server on asyncio streams.

    echo_server.py              start, run a self-test with a few clients, exit
    echo_server.py --selftest   the same
    echo_server.py --serve [PORT]   serve on 127.0.0.1 until Ctrl-C

Runs unchanged under gilpy and CPython.
"""
import asyncio
import sys


async def handle(reader, writer):
    """Echoes every line back until the client closes its side."""
    try:
        async for line in reader:
            writer.write(line)
            await writer.drain()
    finally:
        writer.close()


async def client(port, name, lines):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    replies = []
    for text in lines:
        writer.write(f'{name}: {text}\n'.encode())
        await writer.drain()
        replies.append((await reader.readline()).decode().rstrip('\n'))
    writer.close()
    await writer.wait_closed()
    return replies


async def selftest():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    print('echo server listening on 127.0.0.1 (an OS-chosen port)')
    async with server:
        results = await asyncio.gather(
            client(port, 'alice', ['hello', 'how are you?']),
            client(port, 'bob', ['hi', 'fine, thanks', 'bye']),
            client(port, 'carol', ['ping']),
        )
        for replies in results:
            for reply in replies:
                print('echoed:', reply)
        # 100 clients at once, each a round trip.
        many = await asyncio.gather(*(client(port, f'c{i}', ['x']) for i in range(100)))
        ok = all(r == [f'c{i}: x'] for i, r in enumerate(many))
        print('100 concurrent clients echoed correctly:', ok)
    print('server closed')


async def serve(port):
    server = await asyncio.start_server(handle, '127.0.0.1', port)
    print('serving on', server.sockets[0].getsockname())
    async with server:
        await server.serve_forever()


def main(argv):
    if len(argv) > 1 and argv[1] == '--serve':
        try:
            asyncio.run(serve(int(argv[2]) if len(argv) > 2 else 8888))
        except KeyboardInterrupt:
            print('bye')
    else:
        asyncio.run(selftest())


if __name__ == '__main__':
    main(sys.argv)
