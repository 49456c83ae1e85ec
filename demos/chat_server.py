"""A chat server on asyncio streams: every line a client sends is broadcast
to the other clients as "<name>: <line>".

    chat_server.py              start, run a scripted conversation, exit
    chat_server.py --selftest   the same
    chat_server.py --serve [PORT]   serve on 127.0.0.1 until Ctrl-C (try nc)

The first line a client sends is its name. Runs unchanged under gilpy and
CPython.
"""
import asyncio
import sys


class ChatRoom:
    def __init__(self):
        self.members = {}  # name -> StreamWriter

    async def broadcast(self, sender, text, skip=None):
        """Sends "<sender>: <text>" to every member but [skip] (default: the sender)."""
        skip = sender if skip is None else skip
        for name, writer in list(self.members.items()):
            if name != skip and not writer.is_closing():
                writer.write(f'{sender}: {text}\n'.encode())
                await writer.drain()

    async def handle(self, reader, writer):
        name = (await reader.readline()).decode().strip()
        if not name or name in self.members:
            writer.write(b'* name taken or empty, bye\n')
            writer.close()
            return
        self.members[name] = writer
        await self.broadcast('*', f'{name} joined', skip=name)
        try:
            async for line in reader:
                await self.broadcast(name, line.decode().rstrip('\n'))
        finally:
            del self.members[name]
            writer.close()
            await self.broadcast('*', f'{name} left')


async def join(port, name):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(f'{name}\n'.encode())
    await writer.drain()
    return reader, writer


async def expect(reader, who, count):
    for _ in range(count):
        line = await reader.readline()
        print(f'{who} sees  {line.decode().rstrip()}')


async def selftest():
    room = ChatRoom()
    server = await asyncio.start_server(room.handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    print('chat server listening on 127.0.0.1 (an OS-chosen port)')
    async with server:
        ann_r, ann_w = await join(port, 'ann')
        while 'ann' not in room.members:
            await asyncio.sleep(0.001)
        ben_r, ben_w = await join(port, 'ben')
        await expect(ann_r, 'ann', 1)            # ben joined
        ann_w.write(b'hello ben\n')
        await expect(ben_r, 'ben', 1)
        ben_w.write(b'hi ann, anyone else here?\n')
        await expect(ann_r, 'ann', 1)
        cat_r, cat_w = await join(port, 'cat')
        await expect(ann_r, 'ann', 1)            # cat joined
        await expect(ben_r, 'ben', 1)
        cat_w.write(b'me!\n')
        await expect(ann_r, 'ann', 1)
        await expect(ben_r, 'ben', 1)
        ben_w.close()
        await ben_w.wait_closed()
        await expect(ann_r, 'ann', 1)            # ben left
        await expect(cat_r, 'cat', 1)
        for w in (ann_w, cat_w):
            w.close()
            await w.wait_closed()
        while room.members:
            await asyncio.sleep(0.001)
    print('server closed; members left:', len(room.members))


async def serve(port):
    room = ChatRoom()
    server = await asyncio.start_server(room.handle, '127.0.0.1', port)
    print('chat on', server.sockets[0].getsockname(), '- connect with: nc 127.0.0.1', port)
    async with server:
        await server.serve_forever()


def main(argv):
    if len(argv) > 1 and argv[1] == '--serve':
        try:
            asyncio.run(serve(int(argv[2]) if len(argv) > 2 else 8889))
        except KeyboardInterrupt:
            print('bye')
    else:
        asyncio.run(selftest())


if __name__ == '__main__':
    main(sys.argv)
