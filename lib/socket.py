"""socket: BSD sockets for threads, on gilpy's _socket module.

Design notes
------------
As in CPython, _socket (src/mod/socket.c) owns descriptors and system calls;
this module subclasses its socket type to add what is easier in Python: the
context manager, accept() returning a socket, makefile(), the enum views of
family and type, and the helpers create_connection, create_server and
socketpair. Blocking calls wait on gilpy's service loop with the GIL
released, so threads blocked on sockets overlap.

A socket stays open while files made by makefile() use it: close() only
closes the descriptor once the last of them is closed (the _io_refs count).
"""

import _socket
from _socket import *
import io
import os
from enum import IntEnum

__all__ = ["fromfd", "getfqdn", "create_connection", "create_server",
           "has_dualstack_ipv6", "AddressFamily", "SocketKind", "socket",
           "SocketType", "socketpair", "SocketIO"]
__all__.extend(name for name in dir(_socket) if name.isupper())

error = OSError
timeout = TimeoutError


def _enum_members(prefix, exclude=()):
    return {name: value for name, value in vars(_socket).items()
            if name.startswith(prefix) and name.isupper() and name not in exclude}


AddressFamily = IntEnum("AddressFamily", _enum_members("AF_"))
AddressFamily.__module__ = "socket"
SocketKind = IntEnum("SocketKind", _enum_members("SOCK_"))
SocketKind.__module__ = "socket"
for _name, _member in list(AddressFamily.__members__.items()) + list(SocketKind.__members__.items()):
    globals()[_name] = _member
del _name, _member


def _intenum_or_int(value, enum_class):
    try:
        return enum_class(value)
    except ValueError:
        return value


_LOCALHOST = "127.0.0.1"
_LOCALHOST_V6 = "::1"


class socket(_socket.socket):
    """A socket object: socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, "_closed", False)
        text = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self.fileno(),
            self.family, self.type, self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    text += ", laddr=%s" % str(laddr)
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    text += ", raddr=%s" % str(raddr)
            except OSError:
                pass
        return text + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    @property
    def family(self):
        return _intenum_or_int(_socket.socket.family.__get__(self), AddressFamily)

    @property
    def type(self):
        return _intenum_or_int(_socket.socket.type.__get__(self), SocketKind)

    def dup(self):
        fd = os.dup(self.fileno())
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """accept() -> (socket object, address info)"""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        """A file object reading and/or writing this socket."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        assert reading or writing
        binary = "b" in mode
        rawmode = ""
        if reading:
            rawmode += "r"
        if writing:
            rawmode += "w"
        raw = SocketIO(self, rawmode)
        self._io_refs += 1
        if buffering is None:
            buffering = -1
        if buffering < 0:
            buffering = io.DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if not binary:
                raise ValueError("unbuffered streams must be binary")
            return raw
        if reading and writing:
            buffer = _BufferedRWPair(raw, buffering)
        elif reading:
            buffer = io.BufferedReader(raw, buffering)
        else:
            buffer = io.BufferedWriter(raw, buffering)
        if binary:
            return buffer
        encoding = io.text_encoding(encoding) if hasattr(io, "text_encoding") else (encoding or "utf-8")
        text = io.TextIOWrapper(buffer, encoding, errors, newline)
        text.mode = mode
        return text

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self, _ss=_socket.socket):
        _ss.close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        """Closes the socket object without closing its descriptor, and returns it."""
        self._closed = True
        return super().detach()

    def get_inheritable(self):
        return os.get_inheritable(self.fileno())

    def set_inheritable(self, inheritable):
        os.set_inheritable(self.fileno(), inheritable)


SocketType = _socket.socket


def fromfd(fd, family, type, proto=0):
    """A socket object from a duplicate of [fd]."""
    nfd = os.dup(fd)
    return socket(family, type, proto, nfd)


class SocketIO(io.RawIOBase):
    """The raw I/O object makefile() buffers: reads and writes one socket."""

    def __init__(self, sock, mode):
        if mode not in ("r", "w", "rw", "rb", "wb", "rwb"):
            raise ValueError("invalid mode: %r" % mode)
        io.RawIOBase.__init__(self)
        self._sock = sock
        if "b" not in mode:
            mode += "b"
        self._mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._timeout_occurred = False
        self._is_closed = False

    def readinto(self, b):
        self._checkReadable()
        if self._timeout_occurred:
            raise OSError("cannot read from timed out object")
        try:
            return self._sock.recv_into(b)
        except TimeoutError:
            self._timeout_occurred = True
            raise
        except BlockingIOError:
            return None

    def read(self, size=-1):
        self._checkReadable()
        if self._timeout_occurred:
            raise OSError("cannot read from timed out object")
        if size is None or size < 0:
            chunks = []
            while True:
                data = self.read(io.DEFAULT_BUFFER_SIZE)
                if not data:
                    break
                chunks.append(data)
            return b"".join(chunks)
        try:
            return self._sock.recv(size)
        except TimeoutError:
            self._timeout_occurred = True
            raise
        except BlockingIOError:
            return None

    def write(self, b):
        self._checkWritable()
        try:
            return self._sock.send(b)
        except BlockingIOError:
            return None

    def _checkClosed(self):
        if self._is_closed:
            raise ValueError("I/O operation on closed socket.")

    def _checkReadable(self):
        self._checkClosed()
        if not self._reading:
            raise io.UnsupportedOperation("File or stream is not readable.")

    def _checkWritable(self):
        self._checkClosed()
        if not self._writing:
            raise io.UnsupportedOperation("File or stream is not writable.")

    def readable(self):
        self._checkClosed()
        return self._reading

    def writable(self):
        self._checkClosed()
        return self._writing

    def seekable(self):
        self._checkClosed()
        return False

    def fileno(self):
        self._checkClosed()
        return self._sock.fileno()

    @property
    def closed(self):
        return self._is_closed

    @property
    def name(self):
        if not self._is_closed:
            return self.fileno()
        return -1

    @property
    def mode(self):
        return self._mode

    def close(self):
        if self._is_closed:
            return
        self._is_closed = True
        self._sock._decref_socketios()
        self._sock = None


class _BufferedRWPair:
    """A reader and a writer over one raw SocketIO, for makefile('rwb')."""

    def __init__(self, raw, buffering):
        self.raw = raw
        self._reader = io.BufferedReader(raw, buffering)
        self._writer = io.BufferedWriter(raw, buffering)

    def read(self, size=-1):
        return self._reader.read(size)

    def readline(self, size=-1):
        return self._reader.readline(size)

    def read1(self, size=-1):
        return self._reader.read1(size)

    def peek(self, size=0):
        return self._reader.peek(size)

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return False

    def write(self, data):
        return self._writer.write(data)

    def flush(self):
        self._writer.flush()

    def fileno(self):
        return self.raw.fileno()

    @property
    def closed(self):
        return self.raw.closed

    def close(self):
        try:
            self._writer.flush()
        finally:
            self.raw.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


def getfqdn(name=""):
    """The fully qualified domain name of [name] (default: this host)."""
    name = name.strip()
    if not name or name in ("0.0.0.0", "::"):
        name = gethostname()
    try:
        infos = getaddrinfo(name, None, 0, SOCK_STREAM, 0, AI_CANONNAME)
    except OSError:
        return name
    for info in infos:
        if info[3]:
            return info[3]
    return name


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None):
    """Connects to (host, port), trying each address getaddrinfo() gives."""
    host, port = address
    exceptions = []
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except OSError as exc:
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if exceptions:
        try:
            raise exceptions[0]
        finally:
            exceptions.clear()
    raise OSError("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    """Whether an AF_INET6 socket can also accept IPv4 connections."""
    if not has_ipv6:
        return False
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except OSError:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening TCP socket bound to [address]."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if has_ipv6 and family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except OSError as err:
            raise OSError(err.errno, "%s (while attempting to bind on address %r)"
                          % (err.strerror, address)) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except OSError:
        sock.close()
        raise


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """Two connected sockets (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    a = socket(family, type, proto, a.detach())
    b = socket(family, type, proto, b.detach())
    return a, b


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolves host and port into a list of
    (family, type, proto, canonname, sockaddr) tuples."""
    result = []
    for af, socktype, proto, canonname, sa in _socket.getaddrinfo(
            host, port, family, type, proto, flags):
        result.append((_intenum_or_int(af, AddressFamily),
                       _intenum_or_int(socktype, SocketKind),
                       proto, canonname, sa))
    return result
