"""A small HTTP/1.1 test server on asyncio streams, for the fetch demos and tests.

Run:  gilpy demos/http_server.py [--host 127.0.0.1] [--port 8080] [--parent-pid PID]
      (--port 0 picks a free port; the first line printed is "port <n>";
      with --parent-pid the server exits when that process is gone, so a
      test that dies never leaves its server behind)

Endpoints (GET unless noted; every response has a Content-Length, and
connections are kept alive unless the client asks otherwise):
  /                     a short text page
  /delay/<ms>           "delayed <ms>" after waiting <ms> milliseconds
  /bytes/<n>            n bytes of a repeating pattern (application/octet-stream),
                        streamed 1 MiB at a time when larger
  /status/<code>        an empty response with that status
  /json                 a small JSON document
  /redirect/<n>         302 to /redirect/<n-1>; /redirect/0 answers "done"
  /loop                 302 to itself, forever (a redirect loop)
  /echo                 (any method) the request body back, with the method
                        and Content-Type in X-Echo-Method / X-Echo-Content-Type
  /links/<n>/<i>        an HTML page of node i of an n-node link graph
  /headers              the request headers as JSON
  /latin1               text/plain; charset=latin-1 with non-ASCII bytes
  /badjson              application/json that is not JSON
  /truncate/<n>         announces n bytes, sends half, closes the connection
  /close                closes the connection without answering
  /stall                sends headers, then nothing (for read timeouts)

It runs unchanged under gilpy and CPython. Stop it with Ctrl-C.
"""

import asyncio
import json
import sys

REASONS = {
    200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found',
    303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect',
    308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
    404: 'Not Found', 405: 'Method Not Allowed', 418: "I'm a Teapot",
    429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway',
    503: 'Service Unavailable',
}

PATTERN = bytes(range(256)) * 256  # 64 KiB


def pattern_bytes(n):
    """n bytes of the repeating 0..255 pattern."""
    whole, rest = divmod(n, len(PATTERN))
    return PATTERN * whole + PATTERN[:rest]


def links_page(n, i):
    """Node i of an n-node graph links to 2i+1 and 2i+2 (a tree) and back to 0."""
    targets = [j for j in (2 * i + 1, 2 * i + 2, 0) if j < n]
    items = ''.join('<a href="/links/%d/%d">node %d</a>\n' % (n, j, j) for j in targets)
    return ('<html><head><title>node %d</title></head><body>\n%s</body></html>\n'
            % (i, items)).encode()


class Request:
    def __init__(self, method, target, version, headers, body):
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers  # lower-case name -> value
        self.body = body


async def read_request(reader):
    """The next request on the connection, or None at EOF."""
    line = await reader.readline()
    if not line:
        return None
    parts = line.decode('latin-1').split()
    if len(parts) != 3:
        raise ValueError('bad request line')
    method, target, version = parts
    headers = {}
    while True:
        line = await reader.readline()
        if not line:
            return None
        line = line.decode('latin-1').rstrip('\r\n')
        if not line:
            break
        name, _, value = line.partition(':')
        headers[name.strip().lower()] = value.strip()
    body = b''
    if 'content-length' in headers:
        body = await reader.readexactly(int(headers['content-length']))
    elif headers.get('transfer-encoding', '').lower() == 'chunked':
        chunks = []
        while True:
            size = int((await reader.readline()).split(b';')[0], 16)
            if size == 0:
                await reader.readline()
                break
            chunks.append(await reader.readexactly(size))
            await reader.readline()
        body = b''.join(chunks)
    return Request(method, target, version, headers, body)


def response_head(status, headers, length):
    lines = ['HTTP/1.1 %d %s' % (status, REASONS.get(status, 'Unknown'))]
    for name, value in headers:
        lines.append('%s: %s' % (name, value))
    lines.append('Content-Length: %d' % length)
    return ('\r\n'.join(lines) + '\r\n\r\n').encode('latin-1')


STREAM_CHUNK = 1 << 20  # a multiple of the pattern's 256: every chunk starts at 0


def wants_keep_alive(req):
    return req.headers.get('connection', '').lower() != 'close' and req.version == 'HTTP/1.1'


async def stream_pattern(req, writer, headers, n):
    """Sends a large /bytes body a chunk at a time, waiting for the client
    to take each one: the server's memory stays small, and a client that
    reads slowly makes it wait."""
    keep_alive = wants_keep_alive(req)
    if not keep_alive:
        headers.append(('Connection', 'close'))
    writer.write(response_head(200, headers, n))
    chunk = pattern_bytes(STREAM_CHUNK)
    while n > 0:
        piece = chunk if n >= STREAM_CHUNK else chunk[:n]
        writer.write(piece)
        n -= len(piece)
        await writer.drain()
    return keep_alive


async def handle(req, writer):
    """Writes the response to [req]; returns False to close the connection."""
    path = req.target.split('?', 1)[0]
    parts = [p for p in path.split('/') if p]
    status, headers, body = 200, [('Content-Type', 'text/plain; charset=utf-8')], b''
    head_only = req.method == 'HEAD'
    try:
        if not parts:
            body = b'gilpy test server\n'
        elif parts[0] == 'delay' and len(parts) == 2:
            ms = int(parts[1])
            await asyncio.sleep(ms / 1000)
            body = ('delayed %d' % ms).encode()
        elif parts[0] == 'bytes' and len(parts) == 2:
            headers = [('Content-Type', 'application/octet-stream')]
            n = int(parts[1])
            if n > STREAM_CHUNK and not head_only:
                return await stream_pattern(req, writer, headers, n)
            body = pattern_bytes(n)
        elif parts[0] == 'status' and len(parts) == 2:
            status = int(parts[1])
            body = b'' if status in (204, 304) else ('status %d' % status).encode()
        elif parts == ['json']:
            headers = [('Content-Type', 'application/json')]
            body = json.dumps({'name': 'gilpy', 'ok': True, 'items': [1, 2, 3],
                               'nested': {'pi': 3.25}}).encode()
        elif parts[0] == 'redirect' and len(parts) == 2:
            n = int(parts[1])
            if n > 0:
                status = 302
                headers.append(('Location', '/redirect/%d' % (n - 1)))
                body = b'redirecting'
            else:
                body = b'done'
        elif parts == ['loop']:
            status = 302
            headers.append(('Location', '/loop'))
            body = b'again'
        elif parts == ['echo']:
            headers = [('Content-Type', 'application/octet-stream'),
                       ('X-Echo-Method', req.method),
                       ('X-Echo-Content-Type', req.headers.get('content-type', '-'))]
            body = req.body
        elif parts[0] == 'links' and len(parts) == 3:
            headers = [('Content-Type', 'text/html; charset=utf-8')]
            body = links_page(int(parts[1]), int(parts[2]))
        elif parts == ['headers']:
            headers = [('Content-Type', 'application/json')]
            body = json.dumps(req.headers, sort_keys=True).encode()
        elif parts == ['latin1']:
            headers = [('Content-Type', 'text/plain; charset=latin-1')]
            body = 'caf\xe9 cr\xe8me br\xfbl\xe9e'.encode('latin-1')
        elif parts == ['badjson']:
            headers = [('Content-Type', 'application/json')]
            body = b'{"name": "gilpy", oops}'
        elif parts[0] == 'truncate' and len(parts) == 2:
            n = int(parts[1])
            writer.write(response_head(200, [('Content-Type', 'application/octet-stream')], n))
            writer.write(pattern_bytes(n // 2))
            await writer.drain()
            return False
        elif parts == ['close']:
            return False
        elif parts == ['stall']:
            writer.write(response_head(200, headers, 10))
            await writer.drain()
            await asyncio.sleep(3600)
            return False
        else:
            status, body = 404, b'not found'
    except ValueError:
        status, body = 400, b'bad request'
    keep_alive = wants_keep_alive(req)
    if not keep_alive:
        headers.append(('Connection', 'close'))
    writer.write(response_head(status, headers, len(body)))
    if not head_only:
        writer.write(body)
    await writer.drain()
    return keep_alive


async def serve_connection(reader, writer):
    try:
        while True:
            req = await read_request(reader)
            if req is None or not await handle(req, writer):
                break
    except (ConnectionError, ValueError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except (ConnectionError, OSError):
            pass


async def watch_parent(pid, server):
    """Closes the server once process [pid] has exited."""
    import os
    while True:
        await asyncio.sleep(0.5)
        try:
            os.kill(pid, 0)
        except OSError:
            server.close()
            return


async def main(host, port, parent_pid):
    server = await asyncio.start_server(serve_connection, host, port, backlog=4096)
    chosen = server.sockets[0].getsockname()[1]
    print('port', chosen, flush=True)
    if parent_pid:
        watcher = asyncio.ensure_future(watch_parent(parent_pid, server))
    async with server:
        try:
            await server.serve_forever()
        except asyncio.CancelledError:
            pass


def parse_args(argv):
    host, port, parent_pid = '127.0.0.1', 8080, 0
    i = 0
    while i < len(argv):
        if argv[i] == '--host':
            host = argv[i + 1]
            i += 2
        elif argv[i] == '--port':
            port = int(argv[i + 1])
            i += 2
        elif argv[i] == '--parent-pid':
            parent_pid = int(argv[i + 1])
            i += 2
        else:
            print(__doc__)
            sys.exit(2)
    return host, port, parent_pid


if __name__ == '__main__':
    try:
        asyncio.run(main(*parse_args(sys.argv[1:])))
    except KeyboardInterrupt:
        pass
