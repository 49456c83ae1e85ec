# The order of protocol callbacks on both sides of a connection, and the
# transport methods around them.
import asyncio

log = []


class Server(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        log.append('server connection_made')

    def data_received(self, data):
        log.append(f'server data {data!r}')
        self.transport.write(data.upper())

    def eof_received(self):
        log.append('server eof_received')
        self.transport.write(b'bye')
        return False  # close after the buffer drains

    def connection_lost(self, exc):
        log.append(f'server connection_lost {exc!r}')


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        log.append('client connection_made')

    def data_received(self, data):
        log.append(f'client data {data!r}')

    def eof_received(self):
        log.append('client eof_received')

    def connection_lost(self, exc):
        log.append(f'client connection_lost {exc!r}')
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), '127.0.0.1', port)
    print('types', type(protocol).__name__, transport.get_protocol() is protocol)
    print('is_reading', transport.is_reading(), 'is_closing', transport.is_closing())
    sock = transport.get_extra_info('socket')
    print('socket fileno is int', isinstance(sock.fileno(), int))
    print('peer matches', transport.get_extra_info('peername') == sock.getpeername())
    transport.write(b'hello')
    await asyncio.sleep(0.05)
    transport.write_eof()
    await done
    await asyncio.sleep(0.05)
    for line in log:
        print(line)
    print('after lost: is_closing', transport.is_closing())
    transport.close()  # harmless twice
    server.close()
    await server.wait_closed()

    # abort() drops buffered data and reports connection_lost(None).
    log.clear()
    server = await loop.create_server(Server, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), '127.0.0.1', port)
    transport.abort()
    await done
    print([line for line in log if line.startswith('client')])
    server.close()
    await server.wait_closed()


asyncio.run(main())
