# Flow control: a writer far ahead of a paused reader is paused, drain()
# waits, and everything arrives intact once the reader resumes.
import asyncio

TOTAL = 4 * 1024 * 1024


class Sink(asyncio.Protocol):
    def __init__(self):
        self.received = 0
        self.done = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.transport = transport
        transport.pause_reading()
        print('sink paused reading', transport.is_reading())

    def data_received(self, data):
        self.received += len(data)
        if self.received >= TOTAL and not self.done.done():
            self.done.set_result(self.received)


class Source(asyncio.Protocol):
    def __init__(self):
        self.events = []

    def connection_made(self, transport):
        self.transport = transport

    def pause_writing(self):
        self.events.append('pause')

    def resume_writing(self):
        self.events.append('resume')


async def main():
    loop = asyncio.get_running_loop()
    sinks = []

    def make_sink():
        sinks.append(Sink())
        return sinks[-1]

    server = await loop.create_server(make_sink, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    transport, source = await loop.create_connection(Source, '127.0.0.1', port)
    print('limits', transport.get_write_buffer_limits())
    transport.set_write_buffer_limits(high=4096)
    print('limits', transport.get_write_buffer_limits())
    try:
        transport.set_write_buffer_limits(high=1, low=2)
    except ValueError as e:
        print('ValueError', e)
    transport.set_write_buffer_limits(high=4096)
    chunk = bytes(range(256)) * 256
    for _ in range(TOTAL // len(chunk)):
        transport.write(chunk)
    await asyncio.sleep(0.05)
    print('buffered', transport.get_write_buffer_size() > 0, 'events', source.events)
    sinks[0].transport.resume_reading()
    print('received', await sinks[0].done)
    await asyncio.sleep(0.05)
    print('events', source.events, 'buffered', transport.get_write_buffer_size())
    transport.close()
    sinks[0].transport.close()

    # The same through streams: drain() blocks until the peer reads.
    async def slow(reader, writer):
        await asyncio.sleep(0.1)
        n = 0
        while data := await reader.read(65536):
            n += len(data)
        writer.write(str(n).encode())
        await writer.drain()
        writer.close()

    server2 = await asyncio.start_server(slow, '127.0.0.1', 0)
    port2 = server2.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port2)
    writer.transport.set_write_buffer_limits(high=16384)
    drains = 0
    for _ in range(64):
        writer.write(b'y' * 65536)
        await writer.drain()
        drains += 1
    writer.write_eof()
    print('drained', drains, 'server counted', await reader.read())
    writer.close()
    await writer.wait_closed()
    for s in (server, server2):
        s.close()
        await s.wait_closed()


asyncio.run(main())
