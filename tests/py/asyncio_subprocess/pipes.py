# loop.connect_read_pipe() and connect_write_pipe() on os.pipe(): data in
# order, end of file, flow control with a slow reader, writing after the
# reader has gone (BrokenPipeError; later writes are dropped), and the
# transports' states.
import asyncio
import os


class Collect(asyncio.Protocol):
    def __init__(self):
        self.chunks = []
        self.events = []
        self.done = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.events.append('made')

    def data_received(self, data):
        self.chunks.append(data)

    def eof_received(self):
        self.events.append('eof')

    def connection_lost(self, exc):
        self.events.append(('lost', exc))
        self.done.set_result(b''.join(self.chunks))


class Writer(asyncio.Protocol):
    def __init__(self):
        self.events = []
        self.lost = asyncio.get_running_loop().create_future()

    def pause_writing(self):
        self.events.append('pause')

    def resume_writing(self):
        self.events.append('resume')

    def connection_lost(self, exc):
        self.events.append(('lost', type(exc).__name__ if exc else None))
        self.lost.set_result(exc)


async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    transport, proto = await loop.connect_read_pipe(Collect, os.fdopen(r, 'rb', 0))
    print(transport.is_reading(), transport.is_closing(), proto.events)
    for part in (b'one ', b'two ', b'three'):
        os.write(w, part)
        await asyncio.sleep(0.01)
    os.close(w)
    print(await proto.done, proto.events, transport.is_closing())

    r, w = os.pipe()
    os.set_blocking(r, False)  # read below between the loop's steps
    wt, wp = await loop.connect_write_pipe(Writer, os.fdopen(w, 'wb', 0))
    wt.set_write_buffer_limits(high=4096)
    print(wt.get_write_buffer_limits(), wt.can_write_eof())
    payload = bytes(range(256)) * 2048  # 512 KiB: more than a pipe holds
    wt.write(payload)
    print(wt.get_write_buffer_size() > 0, wp.events)
    received = bytearray()
    while len(received) < len(payload):
        await asyncio.sleep(0)
        try:
            received += os.read(r, 65536)
        except BlockingIOError:
            pass
    await asyncio.sleep(0.01)
    print(bytes(received) == payload, wp.events, wt.get_write_buffer_size())
    wt.write_eof()
    print(await wp.lost, wt.is_closing(), os.read(r, 10))
    os.close(r)

    r, w = os.pipe()
    wt, wp = await loop.connect_write_pipe(Writer, os.fdopen(w, 'wb', 0))
    os.close(r)
    wt.write(b'nobody reads this')
    exc = await wp.lost
    print(type(exc).__name__, wp.events)
    wt.write(b'more')  # dropped: the pipe is gone
    print(wt.is_closing(), wt.get_write_buffer_size())


asyncio.run(main())
