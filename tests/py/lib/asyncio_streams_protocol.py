# asyncio streams without a network: StreamReader, StreamReaderProtocol and
# StreamWriter over a fake transport (flow control, reprs, errors, EOF).
import asyncio


class FakeTransport(asyncio.Transport):
    def __init__(self):
        super().__init__()
        self.log = []
        self.closing = False

    def __repr__(self):
        return '<FakeTransport>'

    def pause_reading(self):
        self.log.append('pause_reading')

    def resume_reading(self):
        self.log.append('resume_reading')

    def write(self, data):
        self.log.append(('write', bytes(data)))

    def writelines(self, lines):
        self.log.append(('writelines', [bytes(x) for x in lines]))

    def write_eof(self):
        self.log.append('write_eof')

    def can_write_eof(self):
        return True

    def close(self):
        self.closing = True
        self.log.append('close')

    def is_closing(self):
        return self.closing

    def get_extra_info(self, name, default=None):
        return {'peername': ('fake', 1)}.get(name, default)


async def attempt(label, aw):
    try:
        print(label, repr(await aw))
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


async def reader_cases():
    r = asyncio.StreamReader()
    print(repr(r), r.at_eof(), r.exception())
    r.feed_data(b'')
    r.feed_data(b'hello\nworld')
    print(repr(r))
    print(await r.readline(), await r.read(3), await r.read(100))
    r = asyncio.StreamReader(limit=10)
    print(repr(r))
    r.feed_data(b'x' * 25)
    r.feed_eof()
    print(repr(r))
    print(len(await r.read()), r.at_eof(), await r.read(), await r.read(0))
    try:
        r.feed_data(b'late')
    except AssertionError as exc:
        print('AssertionError', exc)

    # read(-1) gathers everything until EOF, across several feeds.
    r = asyncio.StreamReader()
    loop = asyncio.get_running_loop()
    loop.call_soon(r.feed_data, b'one ')
    loop.call_soon(r.feed_data, b'two ')
    loop.call_soon(r.feed_eof)
    print(await r.read(-1))

    # Two readers at once.
    r = asyncio.StreamReader()
    first = asyncio.ensure_future(r.read(5))
    await asyncio.sleep(0)
    print('waiter in repr:', 'waiter=' in repr(r))
    await attempt('second reader:', r.readline())
    await attempt('second readexactly:', r.readexactly(2))
    await attempt('second readuntil:', r.readuntil(b'z'))
    r.feed_data(b'abc')
    print(await first)

    # An exception set on the reader wakes the waiter and sticks.
    r = asyncio.StreamReader()
    waiting = asyncio.ensure_future(r.readexactly(3))
    await asyncio.sleep(0)
    r.set_exception(ConnectionError('gone'))
    await attempt('waiter got:', waiting)
    for name in ('read', 'readline', 'readexactly', 'readuntil'):
        args = (1,) if name == 'readexactly' else ()
        await attempt(name + ':', getattr(r, name)(*args))
    print(type(r.exception()).__name__, 'exception=' in repr(r))

    # A cancelled read leaves the reader usable.
    r = asyncio.StreamReader()
    t = asyncio.ensure_future(r.read(4))
    await asyncio.sleep(0)
    t.cancel()
    await attempt('cancelled read:', t)
    r.feed_data(b'data')
    print(await r.read(4))

    await attempt('empty separator:', r.readuntil(b''))
    r.feed_data(b'a--b--c')
    r.feed_eof()
    print(await r.readuntil(b'--'), await r.readuntil(b'--'))
    await attempt('tail:', r.readuntil(b'--'))
    r = asyncio.StreamReader()
    r.feed_data(b'l1\nl2\nl3')
    r.feed_eof()
    print([line async for line in r])
    r = asyncio.StreamReader()
    r.feed_data(b'exact')
    print(await r.readexactly(0), await r.readexactly(5))


async def flow_control_cases():
    t = FakeTransport()
    r = asyncio.StreamReader(limit=4)
    r.set_transport(t)
    print('transport in repr:', repr(r))
    try:
        r.set_transport(t)
    except AssertionError as exc:
        print('AssertionError', exc)
    r.feed_data(b'123456789')  # more than twice the limit: pause
    print(t.log, 'paused' in repr(r))
    print(await r.read(2), t.log)
    print(await r.read(3), t.log)  # down to the limit: resume
    t.log.clear()
    r.feed_data(b'abcdefghij')
    print(await r.readexactly(7), t.log)
    r.feed_data(b'\n')
    await attempt('long line:', r.readline())
    r.feed_data(b'ok\n')
    print(await r.readline(), t.log)


async def protocol_cases():
    loop = asyncio.get_running_loop()
    seen = []

    async def on_client(reader, writer):
        seen.append(await reader.readline())
        writer.write(b'reply')
        seen.append(writer.get_extra_info('peername'))
        seen.append(writer.get_extra_info('nothing', 'dflt'))

    reader = asyncio.StreamReader()
    proto = asyncio.StreamReaderProtocol(reader, on_client)
    t = FakeTransport()
    proto.connection_made(t)
    proto.data_received(b'request\n')
    await asyncio.sleep(0.01)
    print(seen, t.log)
    print(proto.eof_received(), reader.at_eof())
    proto.connection_lost(None)
    print(await reader.read())

    # A plain callback (not a coroutine) is just called.
    calls = []
    reader = asyncio.StreamReader()
    proto = asyncio.StreamReaderProtocol(reader, lambda r, w: calls.append(type(w).__name__))
    proto.connection_made(FakeTransport())
    print(calls)
    proto.connection_lost(OSError('reset'))
    await attempt('after error:', reader.read())

    # StreamWriter over the fake transport.
    t = FakeTransport()
    reader = asyncio.StreamReader()
    proto = asyncio.StreamReaderProtocol(reader)
    proto.connection_made(t)
    w = asyncio.StreamWriter(t, proto, reader, loop)
    print(repr(w))
    print(w.transport is t, w.can_write_eof(), w.is_closing())
    w.write(b'a')
    w.writelines([b'b', bytearray(b'c')])
    w.write_eof()
    await w.drain()
    proto.pause_writing()
    d = asyncio.ensure_future(w.drain())
    await asyncio.sleep(0)
    print('drain waiting:', d.done())
    proto.resume_writing()
    await asyncio.sleep(0)
    print('drain done:', d.done(), d.result())
    proto.pause_writing()
    d = asyncio.ensure_future(w.drain())
    await asyncio.sleep(0)
    proto.connection_lost(ConnectionResetError('peer reset'))
    await attempt('drain lost:', d)
    await attempt('drain after lost:', w.drain())
    await attempt('wait_closed:', w.wait_closed())
    w.close()
    print(w.is_closing(), t.log)

    # Clean close: wait_closed() returns None.
    t = FakeTransport()
    proto = asyncio.StreamReaderProtocol(asyncio.StreamReader())
    proto.connection_made(t)
    w = asyncio.StreamWriter(t, proto, None, loop)
    print(repr(w))
    w.close()
    proto.connection_lost(None)
    await attempt('clean wait_closed:', w.wait_closed())
    await attempt('drain closed:', w.drain())


async def main():
    for case in (reader_cases, flow_control_cases, protocol_cases):
        print('--', case.__name__)
        await case()
    try:
        asyncio.StreamReader(limit=-1)
    except ValueError as exc:
        print('ValueError', exc)


asyncio.run(main())
