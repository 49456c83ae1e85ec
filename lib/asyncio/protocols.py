"""Abstract protocol classes: the callbacks a transport makes (CPython's API).

Design notes
------------
A protocol is the application's half of a connection: the transport calls
these methods from the event loop, one at a time, on the loop's thread. The
classes only declare the callbacks (each does nothing by default), so that a
user protocol overrides just the ones it cares about; their names and
parameters are the interface every transport relies on, and are CPython's.
They are slotted and empty so that a subclass pays nothing for them.

gilpy's own transports deliver streams through data_received() only;
BufferedProtocol, datagram and subprocess protocols are declared for code
that names them but are not driven by any transport here.
"""

__all__ = ('BaseProtocol', 'Protocol', 'DatagramProtocol', 'SubprocessProtocol',
           'BufferedProtocol')


class BaseProtocol:
    """Callbacks every protocol has: the connection and write flow control."""

    __slots__ = ()

    def connection_made(self, transport):
        """Called when a connection is made; [transport] is its transport."""

    def connection_lost(self, exc):
        """Called when the connection is lost or closed; [exc] is None on EOF/close."""

    def pause_writing(self):
        """Called when the transport's write buffer goes over the high-water mark."""

    def resume_writing(self):
        """Called when the transport's write buffer drains to the low-water mark."""


class Protocol(BaseProtocol):
    """A stream protocol: data_received() and eof_received()."""

    __slots__ = ()

    def data_received(self, data):
        """Called with each chunk of bytes received."""

    def eof_received(self):
        """Called when the peer shut its sending side; return true to keep the
        transport open for writing."""


class BufferedProtocol(BaseProtocol):
    """A stream protocol that receives into its own buffer (not delivered by
    gilpy's transports yet, which call data_received)."""

    __slots__ = ()

    def get_buffer(self, sizehint):
        """Returns a writable buffer of at least [sizehint] bytes."""

    def buffer_updated(self, nbytes):
        """Called when [nbytes] were written into the buffer."""

    def eof_received(self):
        """As Protocol.eof_received."""


class DatagramProtocol(BaseProtocol):
    """A datagram protocol."""

    __slots__ = ()

    def datagram_received(self, data, addr):
        """Called when a datagram is received."""

    def error_received(self, exc):
        """Called when a send or receive operation raises an OSError."""


class SubprocessProtocol(BaseProtocol):
    """A protocol for subprocess pipes."""

    __slots__ = ()

    def pipe_data_received(self, fd, data):
        """Called when the subprocess writes [data] to its stdout or stderr."""

    def pipe_connection_lost(self, fd, exc):
        """Called when one of the subprocess's pipes is closed."""

    def process_exited(self):
        """Called when the subprocess has exited."""
