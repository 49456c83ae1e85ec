# asyncio's socket and transport paths take memoryviews like bytes.
import asyncio
import socket


async def sockets():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    data = memoryview(b'xxhello world')
    await loop.sock_sendall(a, data[2:])
    buf = bytearray(16)
    view = memoryview(buf)
    got = 0
    while got < 11:
        got += await loop.sock_recv_into(b, view[got:])
    print(got, bytes(buf[:got]))
    a.close()
    b.close()


async def streams():
    async def handle(reader, writer):
        line = await reader.readline()
        writer.write(memoryview(b'echo: ' + line))
        writer.writelines([memoryview(b'bye'), memoryview(b'!\n')[::1]])
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(memoryview(bytearray(b'ping\n')))
    print(await reader.readline(), await reader.readline())
    try:
        writer.write(1)
    except TypeError as e:
        print(e)
    writer.close()
    server.close()
    await server.wait_closed()


asyncio.run(sockets())
asyncio.run(streams())
