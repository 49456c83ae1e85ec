# Echo over asyncio streams: one client, many concurrent clients, and the
# reader methods (readline, readexactly, readuntil, async for, at_eof).
import asyncio


async def echo(reader, writer):
    while True:
        data = await reader.read(1000)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def one_client(port, n):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    got = []
    for i in range(5):
        msg = f'client {n} line {i}\n'.encode()
        writer.write(msg)
        await writer.drain()
        got.append(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return got


async def main():
    server = await asyncio.start_server(echo, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    print('serving', server.is_serving(), type(server).__name__)

    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('peername host', writer.get_extra_info('peername')[0])
    print('sockname host', writer.get_extra_info('sockname')[0])
    print('missing', writer.get_extra_info('nope', 'default'))
    print('can_write_eof', writer.can_write_eof())
    writer.write(b'hello\nworld\n')
    print(await reader.readline())
    print(await reader.readexactly(3))
    print(await reader.readuntil(b'\n'))
    writer.writelines([b'a', b'b', b'c|', b'rest'])
    print(await reader.readuntil(b'|'))
    print(await reader.readexactly(4))
    writer.write(b'x' * 5000)
    total = b''
    while len(total) < 5000:
        total += await reader.read(700)
    print('big echo', len(total), total == b'x' * 5000)
    writer.write(b'one\ntwo\nthree')
    writer.write_eof()
    lines = [line async for line in reader]
    print('lines', lines)
    print('at_eof', reader.at_eof())
    print('read after eof', await reader.read(), await reader.readline())
    writer.close()
    await writer.wait_closed()
    print('closing', writer.is_closing())

    results = await asyncio.gather(*(one_client(port, n) for n in range(40)))
    ok = all(got == [f'client {n} line {i}\n'.encode() for i in range(5)]
             for n, got in enumerate(results))
    print('40 concurrent clients ok', ok)

    server.close()
    await server.wait_closed()
    print('serving after close', server.is_serving(), server.sockets)


asyncio.run(main())
