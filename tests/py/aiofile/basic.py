# gilpy.aio: whole-file calls, stat, async file objects and their errors.
# Under CPython (which writes the .expected file) _aio_compat provides the
# same documented API on threads.
import asyncio
import os
import tempfile

try:
    from gilpy import aio
except ImportError:
    import _aio_compat as aio


class P:
    """A minimal os.PathLike."""
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


async def show(label, coro):
    try:
        r = await coro
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


async def main(d):
    os.mkdir(d)
    a = os.path.join(d, 'a.txt')
    b = os.path.join(d, 'b.bin')
    print('write_file str', await aio.write_file(a, 'h\xe9llo\r\nw\u20acrld\nlast\r'))
    print('read_file rb', await aio.read_file(a))
    print('read_file r', repr(await aio.read_file(a, 'r')))
    print('read_file newline=""', repr(await aio.read_file(a, 'r', newline='')))
    print('read_file latin-1', repr(await aio.read_file(a, 'r', encoding='latin-1')))
    print('write_file bytes', await aio.write_file(P(b), bytes(range(256)) * 1000))
    data = await aio.read_file(b.encode())
    print('bytes path + PathLike', len(data), data[:4], data == bytes(range(256)) * 1000)
    print('append', await aio.write_file(b, b'tail', 'ab'))
    st = await aio.stat(b)
    print('stat size', st.st_size, st.st_size == os.stat(b).st_size, type(st).__name__)
    print('write bytearray', await aio.write_file(b, bytearray(b'xyz')))
    print('empty file', await aio.read_file(b) == b'xyz', await aio.write_file(b, b''),
          await aio.read_file(b))

    await show('missing', aio.read_file(os.path.join(d, 'nope')))
    await show('missing stat', aio.stat(os.path.join(d, 'nope')))
    await show('directory', aio.read_file(d))
    await show('write into missing dir', aio.write_file(os.path.join(d, 'x', 'y'), b''))
    await show('x on existing', aio.write_file(a, 'again', 'x'))
    await show('bad mode', aio.read_file(a, 'w'))
    await show('str in binary', aio.write_file(b, 'text', 'wb'))
    await show('bytes in text', aio.write_file(b, b'bytes', 'w'))
    await show('encoding in binary', aio.read_file(a, 'rb', encoding='utf-8'))
    try:
        await aio.read_file(3.5)
    except TypeError as e:
        print('float path', e)

    # Async file objects.
    async with aio.open(b, 'wb') as f:
        print('file', f.name == b, f.mode, f.closed, f.readable(), f.writable())
        print('write', await f.write(b'0123456789'), f.tell())
        await f.flush()
    print('closed after with', f.closed)
    async with aio.open(b, 'rb') as f:
        print('read 3', await f.read(3), f.tell())
        print('seek end-2', await f.seek(-2, os.SEEK_END))
        print('read rest', await f.read(), 'at EOF', await f.read(), await f.read(5))
        print('seek 1', await f.seek(1), 'read 0', await f.read(0), 'read 4', await f.read(4))
        await show('write on rb', f.write(b'no'))
    f = await aio.open(b, 'ab')
    print('append tell', f.tell(), await f.write(b'AB'), f.tell())
    await f.fsync()
    await f.close()
    await f.close()
    print('after append', await aio.read_file(b))
    await show('read closed', f.read())
    await show('write closed', f.write(b''))
    try:
        f.tell()
    except ValueError as e:
        print('tell closed', e)

    async with aio.open(b, 'r+b') as f:
        await f.seek(2)
        await f.write(b'..')
        await f.seek(0)
        print('r+b', await f.read())

    async with aio.open(a, 'w') as f:
        print('text write', await f.write('one\ntw\xf6\n'), await f.write('\u20ac' * 3 + '\r\n'))
        await show('read on w', f.read())
    async with aio.open(a) as f:
        print('text read 2', repr(await f.read(2)), repr(await f.read(6)), repr(await f.read()))
    async with aio.open(a, encoding='latin-1', newline='') as f:
        print('latin-1 read', repr(await f.read()))

    await show('open missing', aio.open(os.path.join(d, 'nope')))
    await show('open dir', aio.open(d))
    await show('open dir for writing', aio.open(d, 'w'))
    for mode in ('rr', 'rw', '+', 'rbt', 'b', 'q'):
        try:
            aio.open(a, mode)
        except ValueError as e:
            print('mode', mode, e)
    try:
        aio.open(a, 'rb', encoding='utf-8')
    except ValueError as e:
        print('encoding', e)


here = os.getcwd()
with tempfile.TemporaryDirectory() as d:
    os.chdir(d)  # relative names keep the temporary directory out of messages
    try:
        asyncio.run(main('sub'))
    finally:
        os.chdir(here)
