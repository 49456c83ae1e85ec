"""The networking half of the event loop: servers, connections, DNS, fd
watchers and the sock_* coroutines, over the C core in _gpuv.

BaseEventLoop (events.py) inherits these methods. The transports are C
objects (_gpuv.TCPTransport, src/mod/uvloop_tcp.c) that call their protocol
from the loop's poll() under the GIL; this file only resolves addresses,
makes the connections and wires protocol factories to transports, with
CPython 3.11's arguments, checks and error messages.
"""

import _gpuv

from . import exceptions
from .transports import TransportSocket

__all__ = ('Server',)

AF_UNSPEC = 0
AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
AI_PASSIVE = 1
_EINPROGRESS = 115


def _set_result_unless_done(fut, result=None):
    if not fut.done():
        fut.set_result(result)


def _fileobj_to_fd(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f'Invalid file object: {fileobj!r}') from None
    if fd < 0:
        raise ValueError(f'Invalid file descriptor: {fd}')
    return fd


def _check_ssl(ssl, ssl_handshake_timeout, ssl_shutdown_timeout):
    if isinstance(ssl, bool) and not ssl:
        ssl = None
    if ssl is not None:
        raise NotImplementedError('gilpy asyncio has no TLS: ssl= is not supported')
    if ssl_handshake_timeout is not None:
        raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
    if ssl_shutdown_timeout is not None:
        raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')


def _with_enums(infos):
    try:
        import socket
        family, kind = socket.AddressFamily, socket.SocketKind
    except (ImportError, AttributeError):
        return infos
    out = []
    for af, type_, proto, canon, addr in infos:
        try:
            af = family(af)
            type_ = kind(type_)
        except ValueError:
            pass
        out.append((af, type_, proto, canon, addr))
    return out


class Server:
    """A listening server (loop.create_server); CPython 3.11's asyncio.Server."""

    def __init__(self, loop, listeners, protocol_factory, backlog, user_socks=()):
        self._loop = loop
        self._listeners = listeners
        self._sockets = [TransportSocket(l, fam) for l, fam in listeners]
        self._user_socks = list(user_socks)
        self._active_count = 0
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._serving = False
        self._serving_forever_fut = None
        self._not_serving_yet = []

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self):
        assert self._sockets is not None
        self._active_count += 1

    def _detach(self):
        assert self._active_count > 0
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(waiter)

    def _accepted(self, transport):
        # Called by the C listener for each accepted connection.
        if self._sockets is None:
            transport.abort()
            return
        if not self._serving:
            self._not_serving_yet.append(transport)
            return
        self._loop._accept_transport(self, transport)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        waiting, self._not_serving_yet = self._not_serving_yet, []
        for transport in waiting:
            self._loop._accept_transport(self, transport)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for listener, _ in self._listeners:
            listener.close()
        for sock in self._user_socks:
            try:
                sock.close()
            except OSError:
                pass
        self._user_socks = []
        for transport in self._not_serving_yet:
            transport.abort()
        self._not_serving_yet = []
        self._serving = False
        if (self._serving_forever_fut is not None and
                not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        from . import tasks
        await tasks.sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(
                f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class NetworkLoopMixin:
    """create_server, create_connection, getaddrinfo, add_reader/add_writer
    and the sock_* coroutines of BaseEventLoop."""

    # -- DNS -------------------------------------------------------------

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        self._check_closed()
        if isinstance(host, (bytes, bytearray)):
            host = bytes(host).decode('idna')
        if isinstance(port, (bytes, bytearray)):
            port = bytes(port).decode('ascii')
        fut = self.create_future()
        self._core.getaddrinfo(host, port, family, type, proto, flags, fut)
        result = await fut
        if isinstance(result, tuple):
            try:
                from socket import gaierror
            except ImportError:
                gaierror = OSError
            raise gaierror(result[0], result[1])
        return _with_enums(result)

    async def _ensure_resolved(self, address, *, family=0, type=SOCK_STREAM, proto=0, flags=0):
        host, port = address[:2]
        if port is None:
            port = 0
        af = _gpuv.parse_ip(host) if isinstance(host, str) else 0
        if af and (family == 0 or family == af) and isinstance(port, int):
            if af == AF_INET6:
                flowinfo = address[2] if len(address) > 2 else 0
                scope = address[3] if len(address) > 3 else 0
                return [(af, type, proto or 6, '', (host, port, flowinfo, scope))]
            return [(af, type, proto or 6, '', (host, port))]
        return await self.getaddrinfo(host, port, family=family, type=type,
                                      proto=proto, flags=flags)

    # -- clients ---------------------------------------------------------

    async def _connect_one(self, family, address, laddr_infos):
        local = None
        if laddr_infos is not None:
            for lfamily, _, _, _, laddr in laddr_infos:
                if lfamily == family:
                    local = laddr
                    break
            else:
                raise OSError(f'no matching local address with family={family} found')
        fut = self.create_future()
        try:
            transport = self._core.tcp_connect(int(family), address, local, fut)
        except OSError as exc:
            if local is not None:
                raise OSError(exc.errno, f'error while attempting to bind on address '
                              f'{local!r}: {exc.strerror.lower()}') from None
            raise
        try:
            status = await fut
        except BaseException:
            transport.abort()
            raise
        if status != 0:
            transport.abort()
            raise OSError(-status, f'Connect call failed {address}')
        return transport

    async def create_connection(self, protocol_factory, host=None, port=None, *, ssl=None,
                                family=0, proto=0, flags=0, sock=None, local_addr=None,
                                server_hostname=None, ssl_handshake_timeout=None,
                                ssl_shutdown_timeout=None, happy_eyeballs_delay=None,
                                interleave=None):
        if server_hostname is not None and not ssl:
            raise ValueError('server_hostname is only meaningful with ssl')
        _check_ssl(ssl, ssl_handshake_timeout, ssl_shutdown_timeout)
        self._check_closed()
        user_sock = None
        if host is not None or port is not None:
            if sock is not None:
                raise ValueError('host/port and sock can not be specified at the same time')
            infos = await self._ensure_resolved((host, port), family=family, type=SOCK_STREAM,
                                                proto=proto, flags=flags)
            if not infos:
                raise OSError('getaddrinfo() returned empty list')
            laddr_infos = None
            if local_addr is not None:
                laddr_infos = await self._ensure_resolved(local_addr, family=family,
                                                          type=SOCK_STREAM, proto=proto,
                                                          flags=flags)
                if not laddr_infos:
                    raise OSError('getaddrinfo() returned empty list')
            errors = []
            for af, _, _, _, address in infos:
                try:
                    transport = await self._connect_one(af, address, laddr_infos)
                    break
                except OSError as exc:
                    errors.append(exc)
            else:
                if len(errors) == 1:
                    raise errors[0]
                model = str(errors[0])
                if all(str(exc) == model for exc in errors):
                    raise errors[0]
                raise OSError('Multiple exceptions: {}'.format(
                    ', '.join(str(exc) for exc in errors)))
            af = int(af)
        else:
            if sock is None:
                raise ValueError('host and port was not specified and no sock specified')
            if getattr(sock, 'type', SOCK_STREAM) != SOCK_STREAM:
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')
            transport = self._core.tcp_adopt(sock.fileno())
            af = int(getattr(sock, 'family', AF_INET))
            user_sock = sock
        try:
            protocol = protocol_factory()
            waiter = self.create_future()
            self._start_transport(transport, protocol, None, af, user_sock)
            self.call_soon(_set_result_unless_done, waiter, None)
            await waiter
        except BaseException:
            transport.close()
            raise
        return transport, protocol

    def _start_transport(self, transport, protocol, server, family, user_sock=None):
        extra = {
            'peername': transport._address(True),
            'sockname': transport._address(False),
            'socket': TransportSocket(transport, family),
        }
        if user_sock is not None:
            extra['_user_sock'] = user_sock
        transport._start(self, protocol, server, extra)
        self.call_soon(protocol.connection_made, transport)
        self.call_soon(transport._start_reading)

    def _accept_transport(self, server, transport):
        try:
            protocol = server._protocol_factory()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self.call_exception_handler({
                'message': 'Error on transport creation for incoming connection',
                'exception': exc,
            })
            transport.abort()
            return
        addr = transport._address(False)
        family = AF_INET6 if addr is not None and len(addr) == 4 else AF_INET
        server._attach()
        self._start_transport(transport, protocol, server, family)

    # -- servers ---------------------------------------------------------

    async def create_server(self, protocol_factory, host=None, port=None, *, family=AF_UNSPEC,
                            flags=AI_PASSIVE, sock=None, backlog=100, ssl=None,
                            reuse_address=None, reuse_port=None, ssl_handshake_timeout=None,
                            ssl_shutdown_timeout=None, start_serving=True):
        _check_ssl(ssl, ssl_handshake_timeout, ssl_shutdown_timeout)
        self._check_closed()
        listeners = []
        user_socks = []
        server = None

        def accepted(transport):
            server._accepted(transport)

        if host is not None or port is not None:
            if sock is not None:
                raise ValueError('host/port and sock can not be specified at the same time')
            if host == '':
                hosts = [None]
            elif isinstance(host, str) or not hasattr(host, '__iter__'):
                hosts = [host]
            else:
                hosts = list(host)
            infos = []
            for h in hosts:
                infos.extend(await self._ensure_resolved((h, port), family=family,
                                                         type=SOCK_STREAM, flags=flags))
            seen = set()
            try:
                for af, _, _, _, sa in infos:
                    key = (int(af), sa)
                    if key in seen:
                        continue
                    seen.add(key)
                    try:
                        listener = self._core.tcp_listen(int(af), sa, -1, backlog,
                                                         bool(reuse_port), accepted)
                    except OSError as err:
                        raise OSError(err.errno, 'error while attempting to bind on address '
                                      '%r: %s' % (sa, err.strerror.lower())) from None
                    listeners.append((listener, int(af)))
            except BaseException:
                for listener, _ in listeners:
                    listener.close()
                raise
            if not listeners:
                raise OSError(f'Neither host/port nor sock were specified')
        else:
            if sock is None:
                raise ValueError('Neither host/port nor sock were specified')
            if getattr(sock, 'type', SOCK_STREAM) != SOCK_STREAM:
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')
            af = int(getattr(sock, 'family', AF_INET))
            listeners.append((self._core.tcp_listen(af, None, sock.fileno(), backlog, False,
                                                    accepted), af))
            user_socks.append(sock)
        server = Server(self, listeners, protocol_factory, backlog, user_socks)
        if start_serving:
            server._start_serving()
            from . import tasks
            await tasks.sleep(0)
        return server

    # -- fd watchers -------------------------------------------------------

    def _fd_watcher(self, fd):
        watchers = self._watchers
        watcher = watchers.get(fd)
        if watcher is None:
            watcher = self._core.watch_fd(fd, self)
            watchers[fd] = watcher
        return watcher

    def _drop_watcher_if_idle(self, fd, watcher):
        if watcher.reader is None and watcher.writer is None:
            watcher.close()
            del self._watchers[fd]

    def add_reader(self, fd, callback, *args):
        self._check_closed()
        fd = _fileobj_to_fd(fd)
        from .events import Handle
        handle = Handle(callback, args, self, None)
        watcher = self._fd_watcher(fd)
        try:
            old, _ = watcher.set(handle, watcher.writer)
        except OSError:
            self._drop_watcher_if_idle(fd, watcher)
            raise
        if old is not None:
            old.cancel()

    def remove_reader(self, fd):
        if self.is_closed():
            return False
        fd = _fileobj_to_fd(fd)
        watcher = self._watchers.get(fd)
        if watcher is None or watcher.reader is None:
            return False
        old, _ = watcher.set(None, watcher.writer)
        old.cancel()
        self._drop_watcher_if_idle(fd, watcher)
        return True

    def add_writer(self, fd, callback, *args):
        self._check_closed()
        fd = _fileobj_to_fd(fd)
        from .events import Handle
        handle = Handle(callback, args, self, None)
        watcher = self._fd_watcher(fd)
        try:
            _, old = watcher.set(watcher.reader, handle)
        except OSError:
            self._drop_watcher_if_idle(fd, watcher)
            raise
        if old is not None:
            old.cancel()

    def remove_writer(self, fd):
        if self.is_closed():
            return False
        fd = _fileobj_to_fd(fd)
        watcher = self._watchers.get(fd)
        if watcher is None or watcher.writer is None:
            return False
        _, old = watcher.set(watcher.reader, None)
        old.cancel()
        self._drop_watcher_if_idle(fd, watcher)
        return True

    async def _wait_fd(self, fd, writing):
        fut = self.create_future()
        if writing:
            self.add_writer(fd, _set_result_unless_done, fut)
        else:
            self.add_reader(fd, _set_result_unless_done, fut)
        try:
            await fut
        finally:
            if writing:
                self.remove_writer(fd)
            else:
                self.remove_reader(fd)

    # -- sock_* ------------------------------------------------------------

    async def sock_recv(self, sock, n):
        fd = sock.fileno()
        while True:
            data = _gpuv.fd_recv(fd, n)
            if data is not None:
                return data
            await self._wait_fd(fd, False)

    async def sock_recv_into(self, sock, buf):
        fd = sock.fileno()
        while True:
            n = _gpuv.fd_recv_into(fd, buf, len(buf))
            if n is not None:
                return n
            await self._wait_fd(fd, False)

    async def sock_sendall(self, sock, data):
        fd = sock.fileno()
        data = bytes(data)
        sent = 0
        while True:
            sent += _gpuv.fd_send(fd, data, sent)
            if sent >= len(data):
                return
            await self._wait_fd(fd, True)

    async def sock_connect(self, sock, address):
        family = int(getattr(sock, 'family', AF_INET))
        if family in (AF_INET, AF_INET6):
            resolved = await self._ensure_resolved(address, family=family,
                                                   type=SOCK_STREAM)
            address = resolved[0][4]
        fd = sock.fileno()
        err = _gpuv.fd_connect(fd, family, address)
        if err == _EINPROGRESS:
            await self._wait_fd(fd, True)
            err = _gpuv.fd_socket_error(fd)
        if err:
            raise OSError(err, f'Connect call failed {address}')

    async def sock_accept(self, sock):
        fd = sock.fileno()
        while True:
            accepted = _gpuv.fd_accept(fd)
            if accepted is not None:
                break
            await self._wait_fd(fd, False)
        conn_fd, address = accepted
        import socket
        conn = socket.socket(sock.family, sock.type, sock.proto, fileno=conn_fd)
        conn.setblocking(False)
        return conn, address
