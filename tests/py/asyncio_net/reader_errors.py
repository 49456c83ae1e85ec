# StreamReader edge cases and errors, fed by hand (feed_data/feed_eof).
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    r = asyncio.StreamReader()
    r.feed_data(b'abc')
    r.feed_eof()
    try:
        await r.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError', e, e.partial, e.expected)

    r = asyncio.StreamReader()
    r.feed_data(b'no newline here')
    r.feed_eof()
    print('readline at eof', await r.readline())
    print('readline after', await r.readline())

    r = asyncio.StreamReader()
    r.feed_data(b'partial')
    r.feed_eof()
    try:
        await r.readuntil(b'!')
    except asyncio.IncompleteReadError as e:
        print('readuntil', type(e).__name__, e, e.partial)

    r = asyncio.StreamReader(limit=5)
    r.feed_data(b'0123456789\nrest\n')
    try:
        await r.readline()
    except ValueError as e:
        print('readline limit', type(e).__name__, e)
    print('after limit', await r.readline())

    r = asyncio.StreamReader(limit=4)
    r.feed_data(b'abcdefgh')
    try:
        await r.readuntil(b'|')
    except asyncio.LimitOverrunError as e:
        print('LimitOverrunError', e, e.consumed)
    r.feed_data(b'|')
    try:
        await r.readuntil(b'|')
    except asyncio.LimitOverrunError as e:
        print('LimitOverrunError', e, e.consumed)

    for bad in (lambda: asyncio.StreamReader(limit=0),):
        try:
            bad()
        except ValueError as e:
            print('ValueError', e)

    r = asyncio.StreamReader()
    try:
        await r.readexactly(-1)
    except ValueError as e:
        print('ValueError', e)
    try:
        await r.readuntil(b'')
    except ValueError as e:
        print('ValueError', e)
    print('read 0', await r.read(0), 'readexactly 0', await r.readexactly(0))

    r = asyncio.StreamReader()
    r.feed_data(b'12345')
    print(await r.read(2), await r.read(10))
    r.feed_data(b'x')
    r.feed_data(b'y')
    r.feed_eof()
    print('read all', await r.read())
    print('at_eof', r.at_eof())

    # Two readers at once is an error.
    r = asyncio.StreamReader()
    t = asyncio.create_task(r.read(1))
    await asyncio.sleep(0)
    try:
        await r.read(1)
    except RuntimeError as e:
        print('RuntimeError', e)
    r.feed_data(b'z')
    print('first reader got', await t)

    # An exception set on the reader is raised by the next read.
    r = asyncio.StreamReader()
    t = asyncio.create_task(r.readline())
    await asyncio.sleep(0)
    r.set_exception(ConnectionResetError('gone'))
    try:
        await t
    except ConnectionResetError as e:
        print('waiter got', repr(e))
    try:
        await r.read(1)
    except ConnectionResetError as e:
        print('next read got', repr(e), r.exception() is e)


asyncio.run(main())
