# https with certificate verification, against nginx serving TLS (and
# HTTP/2) with a throw-away CA made at test time (see _tls.py): the ssl
# module's contexts, urllib (threads) and aiohttp (coroutines), success and
# every kind of verification failure, then no fd left behind. Skipped
# (exit 77) without nginx or openssl.
# Expected output from CPython + python3-aiohttp:
#   python3 tests/py/regen.py --python /usr/bin/python3 tests/http/https_nginx.py
import asyncio
import hashlib
import os
import re
import ssl
import sys
import threading
import urllib.error
import urllib.request
import warnings

import aiohttp
from _tls import TLSServer, BIG

GILPY = sys.implementation.name == 'gilpy'


def clean(text):
    """CPython's ssl messages end with the _ssl.c line that raised them;
    gilpy's do not. Ports change from run to run."""
    text = re.sub(r' \(_ssl\.c:\d+\)', '', text)
    return re.sub(r':\d{4,5}\b', ':PORT', text)


def attempt(what, fn, *args, **kwargs):
    try:
        result = fn(*args, **kwargs)
    except Exception as e:
        print('%s: %s: %s' % (what, type(e).__name__, clean(str(e))))
    else:
        print('%s: %r' % (what, result))


def contexts():
    print('-- contexts')
    d = ssl.create_default_context()
    print('default:', repr(d.verify_mode), d.check_hostname, repr(d.minimum_version),
          repr(d.maximum_version), repr(d.protocol))
    u = ssl._create_unverified_context()
    print('unverified:', repr(u.verify_mode), u.check_hostname, repr(u.protocol))
    c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    print('client:', repr(c.verify_mode), c.check_hostname)
    attempt('CERT_NONE with check_hostname', setattr, c, 'verify_mode', ssl.CERT_NONE)
    c.check_hostname = False
    c.verify_mode = ssl.CERT_NONE
    c.check_hostname = True
    print('check_hostname turns verification on:', repr(c.verify_mode))
    attempt('verify_mode 7', setattr, c, 'verify_mode', 7)
    attempt('minimum_version 5', setattr, c, 'minimum_version', 5)
    c.minimum_version = ssl.TLSVersion.TLSv1_3
    print('minimum_version:', repr(c.minimum_version))
    attempt('missing cafile', ssl.create_default_context, cafile='/no/such/ca.pem')
    try:
        ssl.create_default_context(cafile='/no/such/ca.pem')
    except OSError as e:
        print('missing cafile errno:', e.errno, e.filename)
    attempt('nothing to load', c.load_verify_locations)
    attempt('empty cadata', c.load_verify_locations, cadata='')
    attempt('cadata without a certificate', c.load_verify_locations, cadata='garbage')
    attempt('cadata of the wrong type', c.load_verify_locations, cadata=12)
    attempt('missing certfile', c.load_cert_chain, '/no/such/cert.pem')
    attempt('empty ALPN protocol', c.set_alpn_protocols, [''])
    print('VerifyMode:', list(ssl.VerifyMode))
    print('TLSVersion:', [v.name for v in ssl.TLSVersion])
    print('CertificateError:', ssl.CertificateError is ssl.SSLCertVerificationError,
          [k.__name__ for k in ssl.SSLCertVerificationError.__mro__])
    print('SSLZeroReturnError:', issubclass(ssl.SSLZeroReturnError, ssl.SSLError),
          issubclass(ssl.SSLEOFError, OSError))
    print('purpose:', ssl.Purpose.SERVER_AUTH.shortname, ssl.Purpose.CLIENT_AUTH.oid)
    print('features:', ssl.HAS_SNI, ssl.HAS_ALPN, ssl.OPENSSL_VERSION.split()[0])


def digest(body):
    return '%d %s' % (len(body), hashlib.sha256(body).hexdigest()[:16])


def fetch(url, **kwargs):
    """What urlopen() gives: status and body digest, or the error."""
    try:
        with urllib.request.urlopen(url, timeout=30, **kwargs) as r:
            return '%d %s' % (r.status, digest(r.read()))
    except urllib.error.HTTPError as e:
        e.close()
        return 'HTTPError %d' % e.code
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, ssl.SSLCertVerificationError):
            return 'URLError(SSLCertVerificationError) code=%d %s' % (reason.verify_code,
                                                                      clean(str(reason)))
        return 'URLError(%s) %s' % (type(reason).__name__, clean(str(reason)))


def with_urllib(srv, ctx, client_ctx):
    print('-- urllib')
    small, big = srv.url('ca', '/small.txt'), srv.url('ca', '/big.bin')
    print('default context:', fetch(small))
    print('default context, self-signed:', fetch(srv.url('self', '/small.txt')))
    print('CA context:', fetch(small, context=ctx))
    print('CA context, big:', fetch(big, context=ctx), digest(BIG))
    print('CA context, self-signed:', fetch(srv.url('self', '/small.txt'), context=ctx))
    print('localhost, IP-only certificate:',
          fetch(srv.url('iponly', '/small.txt', 'localhost'), context=ctx))
    lax = ssl.create_default_context(cafile=srv.path('ca.pem'))
    lax.check_hostname = False
    print('same, check_hostname off:',
          fetch(srv.url('iponly', '/small.txt', 'localhost'), context=lax))
    print('unverified, self-signed:',
          fetch(srv.url('self', '/small.txt'), context=ssl._create_unverified_context()))
    with open(srv.path('ca.pem')) as f:
        pem = f.read()
    with open(srv.path('ca.der'), 'rb') as f:
        der = f.read()
    print('cadata PEM:', fetch(small, context=ssl.create_default_context(cadata=pem)))
    print('cadata DER:', fetch(small, context=ssl.create_default_context(cadata=der)))
    print('capath:', fetch(small, context=ssl.create_default_context(
        capath=srv.path('capath'))))
    both = ssl.create_default_context()
    both.load_verify_locations(srv.path('ca.pem'))
    print('system certificates and the CA:', fetch(small, context=both))
    print('client certificate required, none sent:',
          fetch(srv.url('mtls', '/small.txt'), context=ctx))
    print('client certificate:', fetch(srv.url('mtls', '/small.txt'), context=client_ctx))
    for password in ('sesame', b'sesame', lambda: 'sesame'):
        locked = ssl.create_default_context(cafile=srv.path('ca.pem'))
        locked.load_cert_chain(srv.path('client.pem'), srv.path('client-enc.key'), password)
        print('client certificate, encrypted key:',
              fetch(srv.url('mtls', '/small.txt'), context=locked))
    old = ssl.create_default_context(cafile=srv.path('ca.pem'))
    old.maximum_version = ssl.TLSVersion.TLSv1_2
    print('TLS 1.3 server, at most TLS 1.2:', fetch(srv.url('tls13', '/small.txt'),
                                                   context=old))
    new = ssl.create_default_context(cafile=srv.path('ca.pem'))
    new.minimum_version = ssl.TLSVersion.TLSv1_3
    print('TLS 1.3 server, at least TLS 1.3:', fetch(srv.url('tls13', '/small.txt'),
                                                    context=new))
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=ctx))
    with opener.open(small, timeout=30) as r:
        print('HTTPSHandler(context=...):', r.status, r.read())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        print('urlopen(cafile=...):', fetch(small, cafile=srv.path('ca.pem')))
    print('warned:', [(w.category.__name__, str(w.message)) for w in caught])
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        attempt('cafile and context', urllib.request.urlopen, small,
                cafile=srv.path('ca.pem'), context=ctx)
    # Threads, each on its own connections.
    results = []

    def worker():
        for i in range(5):
            results.append(fetch(big if i == 2 else small, context=ctx))
    threads = [threading.Thread(target=worker) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print('threads:', len(results), sorted(set(results)))


async def get(session, url, **kwargs):
    """What session.get() gives: status and body digest, or the error."""
    try:
        async with session.get(url, **kwargs) as r:
            return '%d %s' % (r.status, digest(await r.read()))
    except aiohttp.ClientConnectorCertificateError as e:
        return '%s %s %s' % (type(e).__name__, e.certificate_error.verify_code, clean(str(e)))
    except aiohttp.ClientError as e:
        return type(e).__name__


async def with_aiohttp(srv, ctx, client_ctx):
    print('-- aiohttp')
    small, big = srv.url('ca', '/small.txt'), srv.url('ca', '/big.bin')
    async with aiohttp.ClientSession() as session:
        print('default:', await get(session, small))
        print('default, self-signed:', await get(session, srv.url('self', '/small.txt')))
        print('ssl=ctx:', await get(session, small, ssl=ctx))
        print('ssl=ctx, big:', await get(session, big, ssl=ctx))
        print('localhost, IP-only certificate:',
              await get(session, srv.url('iponly', '/small.txt', 'localhost'), ssl=ctx))
        print('ssl=False, self-signed:',
              await get(session, srv.url('self', '/small.txt'), ssl=False))
        print('client certificate required, none sent:',
              await get(session, srv.url('mtls', '/small.txt'), ssl=ctx))
        print('client certificate:',
              await get(session, srv.url('mtls', '/small.txt'), ssl=client_ctx))
        old = ssl.create_default_context(cafile=srv.path('ca.pem'))
        old.maximum_version = ssl.TLSVersion.TLSv1_2
        try:
            await session.get(srv.url('tls13', '/small.txt'), ssl=old)
        except aiohttp.ClientConnectorSSLError as e:
            print('TLS 1.3 server, at most TLS 1.2:', type(e).__name__,
                  isinstance(e, ssl.SSLError), isinstance(e, aiohttp.ClientSSLError))
        try:
            await session.get(small, ssl='yes')
        except TypeError as e:
            print('ssl=str:', e)
        try:
            async with session.get(small) as r:
                pass
        except aiohttp.ClientConnectorCertificateError as e:
            print('is ssl.CertificateError:', isinstance(e, ssl.CertificateError),
                  isinstance(e, aiohttp.ClientSSLError), e.host == '127.0.0.1', e.ssl,
                  type(e.certificate_error).__name__)

        # Many at once: over HTTP/2, gilpy's libcurl multiplexes them on one
        # connection (aiohttp speaks only HTTP/1.1, so this is not printed).
        async def one(i):
            async with session.get(big if i % 10 == 3 else small, ssl=ctx) as r:
                body = await r.read()
                return r.status, digest(body), r.headers['X-Conn'], r.version
        results = await asyncio.gather(*(one(i) for i in range(60)))
        print('concurrent:', len(results), sorted({r[:2] for r in results}))
        if GILPY:
            conns = {r[2] for r in results}
            versions = {tuple(r[3]) for r in results}
            assert versions == {(2, 0)}, versions
            assert len(conns) == 1, conns

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=ctx)) as session:
        print('TCPConnector(ssl=ctx):', await get(session, small))
        print('  request ssl=False wins:',
              await get(session, srv.url('self', '/small.txt'), ssl=False))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        connector = aiohttp.TCPConnector(verify_ssl=False)
        async with aiohttp.ClientSession(connector=connector) as session:
            print('TCPConnector(verify_ssl=False):',
                  await get(session, srv.url('self', '/small.txt')))
        async with aiohttp.ClientSession() as session:
            print('verify_ssl=False:',
                  await get(session, srv.url('self', '/small.txt'), verify_ssl=False))
    print('warned:', [(w.category.__name__, str(w.message)) for w in caught])


def open_fds():
    return len(os.listdir('/proc/self/fd'))


async def aiohttp_round(srv, ctx):
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(get(session, srv.url('ca', '/small.txt')),
                             get(session, srv.url('ca', '/small.txt'), ssl=ctx),
                             get(session, srv.url('self', '/big.bin'), ssl=False),
                             get(session, srv.url('mtls', '/small.txt'), ssl=ctx))


def leak_round(srv, ctx):
    fetch(srv.url('ca', '/small.txt'))
    fetch(srv.url('ca', '/small.txt'), context=ctx)
    fetch(srv.url('iponly', '/small.txt', 'localhost'), context=ctx)
    asyncio.run(aiohttp_round(srv, ctx))


with TLSServer() as srv:
    contexts()
    ctx = ssl.create_default_context(cafile=srv.path('ca.pem'))
    client_ctx = ssl.create_default_context(cafile=srv.path('ca.pem'))
    client_ctx.load_cert_chain(srv.path('client.pem'), srv.path('client.key'))
    with_urllib(srv, ctx, client_ctx)
    asyncio.run(with_aiohttp(srv, ctx, client_ctx))
    leak_round(srv, ctx)
    before = open_fds()
    for i in range(3):
        leak_round(srv, ctx)
    after = open_fds()
    # Idle keep-alive connections in urllib's cache may come and go; a
    # leak grows by several fds a round.
    print('fds grew:', after - before > 2)
