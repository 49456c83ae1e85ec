"""Transport base classes (CPython's API) and gilpy's TCP transport.

Design notes
------------
The TCP transport is the C type _gpuv.TCPTransport (src/mod/uvloop_tcp.c):
its read, write and flow-control paths run in C on a uv_tcp_t, and it calls
the protocol under the GIL from the loop's poll(). The classes below are
the abstract API CPython documents, for code that subclasses them (a test's
fake transport, a transport written in Python): every operation a concrete
transport must supply raises NotImplementedError, and the few with an
obvious generic meaning (extra info, writelines) are implemented once here.

TransportSocket is what get_extra_info('socket') and Server.sockets hand
out: a read-only view that asks the owning C object for its descriptor and
addresses, so user code cannot close or reconfigure the real socket.
Datagram and subprocess transports exist only as abstract classes.
"""

import _gpuv

__all__ = ('BaseTransport', 'ReadTransport', 'WriteTransport', 'Transport',
           'DatagramTransport', 'SubprocessTransport')


class BaseTransport:
    """Base class of transports."""

    __slots__ = ('_extra',)

    def __init__(self, extra=None):
        # Keys such as 'peername' or 'socket', filled in by the concrete class.
        self._extra = {} if extra is None else extra

    def get_extra_info(self, name, default=None):
        """The transport detail [name], or [default] if it has none."""
        if name in self._extra:
            return self._extra[name]
        return default

    def is_closing(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    def set_protocol(self, protocol):
        raise NotImplementedError

    def get_protocol(self):
        raise NotImplementedError


class ReadTransport(BaseTransport):
    """A transport that delivers data to its protocol."""

    __slots__ = ()

    def is_reading(self):
        raise NotImplementedError

    def pause_reading(self):
        raise NotImplementedError

    def resume_reading(self):
        raise NotImplementedError


class WriteTransport(BaseTransport):
    """A transport that sends data."""

    __slots__ = ()

    def set_write_buffer_limits(self, high=None, low=None):
        raise NotImplementedError

    def get_write_buffer_size(self):
        raise NotImplementedError

    def get_write_buffer_limits(self):
        raise NotImplementedError

    def write(self, data):
        raise NotImplementedError

    def writelines(self, list_of_data):
        # One write of the joined chunks: a subclass only has to supply write().
        self.write(b''.join(list_of_data))

    def write_eof(self):
        raise NotImplementedError

    def can_write_eof(self):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError


class Transport(ReadTransport, WriteTransport):
    """A bidirectional stream transport."""

    __slots__ = ()


class DatagramTransport(BaseTransport):
    """A datagram transport."""

    __slots__ = ()

    def sendto(self, data, addr=None):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError


class SubprocessTransport(BaseTransport):
    __slots__ = ()


class TransportSocket:
    """What get_extra_info('socket') and Server.sockets return: a read-only
    view of a transport's or server's socket (CPython's trsock.TransportSocket).
    It answers fileno(), getsockname(), getpeername() and the family/type/proto
    attributes; the socket itself belongs to the transport."""

    __slots__ = ('_owner', '_family')

    def __init__(self, owner, family):
        self._owner = owner
        self._family = family

    @property
    def family(self):
        return _family_enum(self._family)

    @property
    def type(self):
        return _type_enum(1)

    @property
    def proto(self):
        return 6

    def fileno(self):
        return self._owner._fileno()

    def getsockname(self):
        addr = self._owner._address(False) if isinstance(self._owner, _gpuv.TCPTransport) \
            else self._owner._address()
        if addr is None:
            raise OSError(9, 'Bad file descriptor')
        return addr

    def getpeername(self):
        if not isinstance(self._owner, _gpuv.TCPTransport):
            raise OSError(107, 'Transport endpoint is not connected')
        addr = self._owner._address(True)
        if addr is None:
            raise OSError(107, 'Transport endpoint is not connected')
        return addr

    def __repr__(self):
        s = f'<asyncio.TransportSocket fd={self.fileno()}'
        if self.fileno() != -1:
            try:
                s += f', laddr={self.getsockname()}'
            except OSError:
                pass
        return s + '>'


def _family_enum(value):
    try:
        import socket
        return socket.AddressFamily(value)
    except Exception:
        return value


def _type_enum(value):
    try:
        import socket
        return socket.SocketKind(value)
    except Exception:
        return value
