# Faults through the aiohttp client: each raises what aiohttp raises.
# Expected output from CPython + python3-aiohttp:
#   python3 tests/py/regen.py --python /usr/bin/python3 tests/py/http/aiohttp_errors.py
import asyncio
import json
import aiohttp
from _server import Server, free_port


async def attempt(session, label, url, read='read', **kw):
    try:
        async with session.get(url, **kw) as r:
            if read == 'raise':
                r.raise_for_status()
            body = await getattr(r, read)() if read != 'raise' else b''
            print(label, 'ok', r.status, body if read != 'read' else len(body))
    except aiohttp.ClientResponseError as e:
        print(label, type(e).__name__, e.status, repr(e.message), len(e.history))
    except aiohttp.ClientConnectorError as e:
        print(label, type(e).__name__, e.host, e.port, type(e.os_error).__name__,
              isinstance(e, OSError))
    except aiohttp.ClientError as e:
        print(label, type(e).__name__, isinstance(e, aiohttp.ClientError), e)
    except asyncio.TimeoutError as e:
        print(label, 'asyncio.TimeoutError', type(e).__name__)
    except Exception as e:
        print(label, type(e).__name__, e)


async def main(srv):
    async with aiohttp.ClientSession() as session:
        for code in (404, 500):
            await attempt(session, 'status %d' % code, srv.url('/status/%d' % code), read='raise')
        await attempt(session, 'no raise', srv.url('/status/404'), read='text')
        await attempt(session, 'redirect loop', srv.url('/loop'))
        await attempt(session, 'redirects', srv.url('/redirect/5'), read='text', max_redirects=3)
        await attempt(session, 'refused', 'http://127.0.0.1:%d/' % free_port())
        await attempt(session, 'dns', 'http://no-such-host.invalid/')
        await attempt(session, 'malformed', 'not a url')
        await attempt(session, 'no host', 'http://:80/')
        await attempt(session, 'truncated', srv.url('/truncate/100000'))
        await attempt(session, 'server closes', srv.url('/close'))
        await attempt(session, 'total timeout', srv.url('/delay/3000'),
                      timeout=aiohttp.ClientTimeout(total=0.3))
        await attempt(session, 'read timeout', srv.url('/stall'),
                      timeout=aiohttp.ClientTimeout(total=0.3))
        await attempt(session, 'bad json', srv.url('/badjson'), read='json')
        await attempt(session, 'json of text', srv.url('/'), read='json')
        await attempt(session, 'latin-1', srv.url('/latin1'), read='text')
        async with session.get(srv.url('/latin1')) as r:
            try:
                await r.text(encoding='utf-8')
            except UnicodeDecodeError as e:
                print('wrong charset', type(e).__name__, e.reason)
        async with session.get(srv.url('/badjson')) as r:
            try:
                await r.json()
            except json.JSONDecodeError as e:
                print('JSONDecodeError', e.msg, e.lineno, e.colno)

        # A session-wide raise_for_status.
    async with aiohttp.ClientSession(raise_for_status=True) as session:
        await attempt(session, 'session raise', srv.url('/status/503'))

        # Cancelling a task mid-transfer.
        started = asyncio.Event()

        async def slow():
            async with session.get(srv.url('/delay/5000')) as r:
                return await r.text()

        task = asyncio.ensure_future(slow())
        await asyncio.sleep(0.2)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print('cancelled', task.cancelled())

        # Cancelling while the body streams.
        async def stream():
            async with session.get(srv.url('/stall')) as r:
                return await r.read()

        task = asyncio.ensure_future(stream())
        await asyncio.sleep(0.2)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print('cancelled mid-body', task.cancelled())

        # wait_for around a request.
        try:
            await asyncio.wait_for(slow(), 0.2)
        except asyncio.TimeoutError:
            print('wait_for timed out')

        # The session still works after all that.
        async with session.get(srv.url('/json')) as r:
            print('still fine', r.status)

    # A closed session refuses new requests.
    try:
        await session.get(srv.url('/'))
    except RuntimeError as e:
        print('closed session', e)


with Server() as srv:
    asyncio.run(main(srv))
