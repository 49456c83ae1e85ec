# How the aiohttp client reads a response head, as aiohttp 3.8 does: only a
# value's leading blanks dropped, case-insensitive lookups, repeated names
# kept in order, UTF-8 text with undecodable bytes kept (surrogateescape),
# continuation lines, a status line without a reason. A raw server of the script's own sends the
# exact bytes. Runs unchanged under CPython with python3-aiohttp (which
# produced the expected output).
import asyncio
import aiohttp

HEADS = {
    '/plain': b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Pad:    spaced out   \r\n'
              b'x-lower: yes\r\nX-UPPER: YES\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n'
              b'X-Empty:\r\nX-Tab:\tt\t\r\n',
    '/latin': b'HTTP/1.1 200 OK\r\nX-Latin: caf\xe9 \xa9\r\nContent-Type: text/plain\r\n',
    '/noreason': b'HTTP/1.1 299 \r\nContent-Type: text/plain\r\n',
    '/custom': b'HTTP/1.1 200 Fine And Dandy\r\nX-Colon: a:b:c\r\n',
    '/fold': b'HTTP/1.1 200 OK\r\nX-Fold: one\r\n   two  \r\n\tthree\r\n',
    '/utf8': 'HTTP/1.1 200 Ok \u00e9t\u00e9 \r\nX-U: \u00e9t\u00e9\r\n'.encode(),
}


async def handle(reader, writer):
    line = await reader.readline()
    path = line.split()[1].decode()
    while (await reader.readline()) not in (b'\r\n', b''):
        pass
    body = b'body of ' + path.encode()
    writer.write(HEADS[path] + b'Content-Length: %d\r\nConnection: close\r\n\r\n' % len(body)
                 + body)
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with aiohttp.ClientSession() as session:
        for path in HEADS:
            async with session.get('http://127.0.0.1:%d%s' % (port, path)) as r:
                print(path, r.status, repr(r.reason))
                for name, value in r.headers.items():
                    if name not in ('Date', 'Server'):
                        print('  %r: %r' % (name, value))
                print('  getall set-cookie:', r.headers.getall('set-cookie', []))
                print('  get x-pad:', repr(r.headers.get('x-PAD')), 'X-Nope' in r.headers)
                print('  body:', await r.read())
    server.close()
    await server.wait_closed()


asyncio.run(main())
