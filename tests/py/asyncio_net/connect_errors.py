# Connection refused, address in use, write after close, a closed server.
import asyncio


class Proto(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport


async def main():
    loop = asyncio.get_running_loop()

    # A port nothing listens on: bind one, remember it, close it.
    server = await asyncio.start_server(lambda r, w: None, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno, str(e).replace(str(port), 'PORT'))

    server = await asyncio.start_server(lambda r, w: None, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    try:
        await asyncio.start_server(lambda r, w: None, '127.0.0.1', port, reuse_address=False)
    except OSError as e:
        print(type(e).__name__, e.errno, str(e).replace(str(port), 'PORT'))

    for kwargs in ({'sock': object()}, {}):
        try:
            if kwargs:
                await loop.create_connection(Proto, '127.0.0.1', port, **kwargs)
            else:
                await loop.create_connection(Proto)
        except ValueError as e:
            print('ValueError', e)
    try:
        await loop.create_server(Proto)
    except ValueError as e:
        print('ValueError', e)

    # Writing after close is silently dropped, as CPython does.
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.close()
    writer.write(b'dropped')
    print('is_closing', writer.is_closing())
    await writer.wait_closed()
    try:
        await writer.drain()
    except ConnectionResetError as e:
        print('drain after close', type(e).__name__, e)
    try:
        writer.write('text')
    except TypeError as e:
        print('TypeError', e)

    # write_eof then write is an error.
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write_eof()
    try:
        writer.write(b'more')
    except RuntimeError as e:
        print('RuntimeError', e)
    writer.close()
    await writer.wait_closed()

    server.close()
    await server.wait_closed()
    try:
        await server.serve_forever()
    except RuntimeError as e:
        print('RuntimeError', str(e).split(' is ')[1])


asyncio.run(main())
