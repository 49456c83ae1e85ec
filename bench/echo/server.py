"""A minimal asyncio-streams echo server for bench/echo/run.py.

    server.py [--uvloop]

Listens on 127.0.0.1 with an OS-chosen port, prints the port on one line,
and echoes until killed. Runs unchanged under gilpy and CPython (with
--uvloop it installs uvloop's event loop policy first).
"""
import asyncio
import sys


async def handle(reader, writer):
    read = reader.read
    write = writer.write
    drain = writer.drain
    while True:
        data = await read(102400)
        if not data:
            break
        write(data)
        await drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == '__main__':
    if '--uvloop' in sys.argv:
        import uvloop
        uvloop.install()
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
