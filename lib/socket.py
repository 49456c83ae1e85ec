"""socket: BSD sockets for threads, on gilpy's _socket module.

Design notes
------------
The C module _socket (src/mod/socket.c) owns descriptors, addresses and the
system calls; blocking calls wait on gilpy's service loop with the GIL
released, so threads blocked on sockets overlap.  This file adds the parts
that read better in Python:

* the AddressFamily and SocketKind enums, built from whatever AF_* and SOCK_*
  constants _socket exports, and a socket subclass whose family and type
  attributes (and getaddrinfo's results) come back as their members;
* file objects over a socket (makefile and the raw SocketIO beneath them);
* the helpers create_connection, create_server, socketpair, fromfd, getfqdn.

Closing with files outstanding.  A file made by makefile() keeps working
after the socket's own close(): the socket counts its live files and only
releases the descriptor when close() has been asked for and the count has
dropped to zero.  Whichever of the two happens last does the real close.

Left out: sendfile, the MsgFlag/AddressInfo enums, Windows-only calls and
gethostbyaddr-based name lookups (_socket has no gethostbyaddr, so getfqdn
asks getaddrinfo for the canonical name instead).
"""

import _socket
from _socket import *
import builtins
import io
import os
from enum import IntEnum

__all__ = [
    "fromfd", "getfqdn", "create_connection", "create_server",
    "has_dualstack_ipv6", "AddressFamily", "SocketKind", "socket",
    "SocketType", "socketpair",
]
__all__ += [_n for _n in dir(_socket) if _n.isupper()]

error = OSError
timeout = TimeoutError
SocketType = _socket.socket

# The sentinel meaning "leave the timeout to setdefaulttimeout()".  Other
# modules (urllib.request, http) import it by this name.
_GLOBAL_DEFAULT_TIMEOUT = object()


def _constant_enum(enum_name, prefix):
    # One IntEnum holding every upper-case _socket constant with [prefix];
    # the module-level constants are then replaced by its members so that
    # socket.AF_INET prints as an enum, as in CPython.
    members = {}
    for key in dir(_socket):
        if key.startswith(prefix) and key.isupper():
            members[key] = getattr(_socket, key)
    enum_cls = IntEnum(enum_name, members)
    enum_cls.__module__ = __name__
    globals().update(enum_cls.__members__)
    return enum_cls


AddressFamily = _constant_enum("AddressFamily", "AF_")
SocketKind = _constant_enum("SocketKind", "SOCK_")


def _member_or_int(enum_cls, number):
    # A platform may hand back a family or kind our enum does not know;
    # such numbers stay plain ints rather than failing.
    try:
        return enum_cls(number)
    except ValueError:
        return number


# The C getters, fetched once: the subclass shadows both names.
_raw_family = _socket.socket.family.__get__
_raw_type = _socket.socket.type.__get__


class socket(_socket.socket):
    """socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)"""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        # -1 means "unspecified".  With a descriptor, _socket asks the kernel
        # what the socket is; without one, fall back to a TCP/IPv4 socket.
        if fileno is None:
            family = AF_INET if family == -1 else family
            type = SOCK_STREAM if type == -1 else type
            proto = 0 if proto == -1 else proto
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._open_files = 0
        self._closed = False

    # -- what it looks like -------------------------------------------------

    @property
    def family(self):
        return _member_or_int(AddressFamily, _raw_family(self))

    @property
    def type(self):
        return _member_or_int(SocketKind, _raw_type(self))

    def __repr__(self):
        shut = getattr(self, "_closed", False)
        cls = type(self)
        head = "<%s.%s%s" % (cls.__module__, cls.__qualname__,
                             " [closed]" if shut else "")
        # The enums print as plain numbers here, matching CPython 3.11.
        fields = ["fd=%i" % self.fileno(),
                  "family=%s" % self.family,
                  "type=%s" % self.type,
                  "proto=%i" % self.proto]
        if not shut:
            for label, query in (("laddr", self.getsockname),
                                 ("raddr", self.getpeername)):
                try:
                    where = query()
                except OSError:
                    continue
                if where:
                    fields.append("%s=%s" % (label, where))
        return head + " " + ", ".join(fields) + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")

    # -- lifetime ------------------------------------------------------------

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if not self._closed:
            self.close()

    def close(self):
        self._closed = True
        if self._open_files <= 0:
            _socket.socket.close(self)

    def _file_closed(self):
        # Called by SocketIO.close(): one fewer file holds the descriptor.
        if self._open_files > 0:
            self._open_files -= 1
        if self._closed:
            self.close()

    def detach(self):
        """Give up the descriptor without closing it; returns it."""
        self._closed = True
        return _socket.socket.detach(self)

    def dup(self):
        twin = type(self)(self.family, self.type, self.proto,
                          fileno=os.dup(self.fileno()))
        twin.settimeout(self.gettimeout())
        return twin

    def accept(self):
        """accept() -> (socket object, address info)"""
        fd, peer = self._accept()
        conn = socket(self.family, self.type, self.proto, fileno=fd)
        # A listener with a timeout would otherwise pass its non-blocking
        # mode on to the connection; CPython gives a blocking one unless a
        # process-wide default timeout says otherwise.
        if self.gettimeout() and getdefaulttimeout() is None:
            conn.setblocking(True)
        return conn, peer

    def get_inheritable(self):
        return os.get_inheritable(self.fileno())

    def set_inheritable(self, inheritable):
        os.set_inheritable(self.fileno(), inheritable)

    # -- files -----------------------------------------------------------------

    def makefile(self, mode="r", buffering=None, *,
                 encoding=None, errors=None, newline=None):
        """A file object reading and/or writing this socket."""
        letters = set(mode)
        if letters - {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        can_write = "w" in letters
        can_read = "r" in letters or not can_write
        size = io.DEFAULT_BUFFER_SIZE if buffering is None or buffering < 0 else buffering
        if size == 0 and "b" not in letters:
            raise ValueError("unbuffered streams must be binary")

        raw = SocketIO(self, ("r" if can_read else "") + ("w" if can_write else ""))
        self._open_files += 1
        if size == 0:
            return raw
        if can_read and can_write:
            stream = _DuplexBuffer(raw, size)
        elif can_read:
            stream = io.BufferedReader(raw, size)
        else:
            stream = io.BufferedWriter(raw, size)
        if "b" in letters:
            return stream
        if hasattr(io, "text_encoding"):
            encoding = io.text_encoding(encoding)
        elif encoding is None:
            encoding = "utf-8"
        text = io.TextIOWrapper(stream, encoding, errors, newline)
        text.mode = mode
        return text


def fromfd(fd, family, type, proto=0):
    """A socket object on a duplicate of descriptor [fd]."""
    return socket(family, type, proto, os.dup(fd))


# Messages as CPython's: IOBase's for data calls, SocketIO's own for queries.
_CLOSED_FILE = "I/O operation on closed file."
_CLOSED_SOCKET = "I/O operation on closed socket."


class SocketIO(io.RawIOBase):
    """Raw binary I/O on one socket: what makefile() buffers."""

    _MODES = ("r", "w", "rw", "rb", "wb", "rwb")

    def __init__(self, sock, mode):
        if mode not in self._MODES:
            raise ValueError("invalid mode: %r" % mode)
        io.RawIOBase.__init__(self)
        self._owner = sock
        self._mode = mode if mode.endswith("b") else mode + "b"
        # After a timeout the stream position is unknown (part of a record
        # may have been consumed), so further reads are refused.
        self._timed_out = False

    def _usable(self, for_what=None):
        if self._owner is None:
            raise ValueError(_CLOSED_FILE)
        if for_what == "r" and "r" not in self._mode:
            raise io.UnsupportedOperation("File or stream is not readable.")
        if for_what == "w" and "w" not in self._mode:
            raise io.UnsupportedOperation("File or stream is not writable.")
        if for_what == "r" and self._timed_out:
            raise OSError("cannot read from timed out object")
        return self._owner

    def _receive(self, call, arg):
        try:
            return call(arg)
        except TimeoutError:
            self._timed_out = True
            raise
        except BlockingIOError:
            return None

    def readinto(self, b):
        return self._receive(self._usable("r").recv_into, b)

    def read(self, size=-1):
        sock = self._usable("r")
        if size is not None and size >= 0:
            return self._receive(sock.recv, size)
        pieces = []
        while True:
            piece = self._receive(sock.recv, io.DEFAULT_BUFFER_SIZE)
            if not piece:
                break
            pieces.append(piece)
        return b"".join(pieces)

    def write(self, b):
        try:
            return self._usable("w").send(b)
        except BlockingIOError:
            return None

    def _query(self, answer):
        if self._owner is None:
            raise ValueError(_CLOSED_SOCKET)
        return answer

    def readable(self):
        return self._query("r" in self._mode)

    def writable(self):
        return self._query("w" in self._mode)

    def seekable(self):
        return self._query(False)

    def fileno(self):
        return self._usable().fileno()

    @property
    def closed(self):
        return self._owner is None

    @property
    def name(self):
        return -1 if self._owner is None else self._owner.fileno()

    @property
    def mode(self):
        return self._mode

    def close(self):
        owner, self._owner = self._owner, None
        if owner is not None:
            owner._file_closed()


class _DuplexBuffer:
    """Buffered reading and writing over one SocketIO (makefile('rwb')).

    gilpy's io has no BufferedRWPair, so this pairs a reader and a writer
    that share the raw stream and forwards each call to the right one.
    """

    def __init__(self, raw, size):
        self.raw = raw
        self._in = io.BufferedReader(raw, size)
        self._out = io.BufferedWriter(raw, size)

    def read(self, size=-1):
        return self._in.read(size)

    def read1(self, size=-1):
        return self._in.read1(size)

    def readline(self, size=-1):
        return self._in.readline(size)

    def peek(self, size=0):
        return self._in.peek(size)

    def write(self, data):
        return self._out.write(data)

    def flush(self):
        self._out.flush()

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return False

    def fileno(self):
        return self.raw.fileno()

    @property
    def closed(self):
        return self.raw.closed

    def close(self):
        # Unsent bytes go out before the descriptor may be released.
        try:
            self._out.flush()
        finally:
            self.raw.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self._in.readline()
        if line:
            return line
        raise StopIteration


def getfqdn(name=""):
    """The fully qualified domain name of [name] (default: this host)."""
    name = name.strip()
    if name in ("", "0.0.0.0", "::"):
        name = gethostname()
    try:
        answers = getaddrinfo(name, None, 0, SOCK_STREAM, 0, AI_CANONNAME)
    except OSError:
        return name
    canonical = [entry[3] for entry in answers if entry[3]]
    return canonical[0] if canonical else name


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    """Connect to (host, port), trying each address getaddrinfo() yields.

    The first address that accepts wins.  If none does, the first failure
    is raised, or all of them in an ExceptionGroup when [all_errors].
    """
    host, port = address
    failures = []
    for family, kind, proto, _canon, sockaddr in getaddrinfo(host, port, 0, SOCK_STREAM):
        candidate = None
        try:
            candidate = socket(family, kind, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                candidate.settimeout(timeout)
            if source_address:
                candidate.bind(source_address)
            candidate.connect(sockaddr)
        except OSError as failure:
            if candidate is not None:
                candidate.close()
            failures.append(failure)
            continue
        return candidate
    if not failures:
        raise OSError("getaddrinfo returns an empty list")
    # gilpy may be built without ExceptionGroup; then the first error stands
    # in for the group.
    group_type = getattr(builtins, "ExceptionGroup", None)
    if all_errors and group_type is not None:
        raise group_type("create_connection failed", failures)
    first = failures[0]
    # Break the traceback -> frame -> list -> exception cycle before raising.
    failures = None
    raise first


def has_dualstack_ipv6():
    """Whether an AF_INET6 socket can also accept IPv4 connections."""
    if not has_ipv6:
        return False
    probe = None
    try:
        probe = socket(AF_INET6, SOCK_STREAM)
        probe.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
    except OSError:
        return False
    finally:
        if probe is not None:
            probe.close()
    return True


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

    listener = socket(family, SOCK_STREAM)
    try:
        # A restarted server must be able to take its port back while old
        # connections linger in TIME_WAIT.
        listener.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            listener.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6 and has_ipv6:
            listener.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, int(not dualstack_ipv6))
        try:
            listener.bind(address)
        except OSError as exc:
            detail = "%s (while attempting to bind on address %r)" % (exc.strerror, address)
            raise OSError(exc.errno, detail) from None
        if backlog is None:
            listener.listen()
        else:
            listener.listen(backlog)
    except BaseException:
        listener.close()
        raise
    return listener


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """Two connected sockets (AF_UNIX unless [family] says otherwise)."""
    if family is None:
        family = AF_UNIX
    # _socket returns its own type; rewrap each descriptor in our subclass.
    return tuple(socket(family, type, proto, half.detach())
                 for half in _socket.socketpair(family, type, proto))


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolve [host] and [port] into a list of
    (family, type, proto, canonname, sockaddr) tuples."""
    return [(_member_or_int(AddressFamily, af), _member_or_int(SocketKind, kind),
             pr, canon, sockaddr)
            for af, kind, pr, canon, sockaddr
            in _socket.getaddrinfo(host, port, family, type, proto, flags)]
