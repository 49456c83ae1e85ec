"""asyncio streams: reader and writer objects over a transport.

Design notes
------------
A connection made by open_connection() or start_server() has three parts:

  - StreamReaderProtocol receives the transport's callbacks. Incoming bytes
    go to a StreamReader; pause_writing()/resume_writing() (inherited from
    FlowControlMixin) gate StreamWriter.drain().
  - StreamReader is a bytearray plus at most one parked reader. Whoever
    feeds it (feed_data, feed_eof, set_exception) wakes that reader; the
    reading coroutines then look at the buffer again. When more than twice
    the limit piles up, the transport is asked to stop reading until the
    buffer drops back to the limit.
  - StreamWriter passes writes straight to the transport and only suspends
    in drain() when the transport has said its buffer is full.

On gilpy the transport is the C TCPTransport (src/mod/uvloop_tcp.c), which
calls data_received() straight from the loop, so the per-chunk path (feed,
wake, read) avoids creating anything it does not need: read() returns at
once when data is already buffered and drain() does not suspend while
writing is not paused.

Left out: TLS (start_tls raises), Unix-socket helpers, and the CPython
debug-mode source tracebacks.
"""

from collections import deque

from . import events, exceptions, protocols

__all__ = ('StreamReader', 'StreamWriter', 'StreamReaderProtocol',
           'open_connection', 'start_server')

_DEFAULT_LIMIT = 64 * 1024


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connects to [host]:[port]; returns (reader, writer)."""
    loop = events.get_running_loop()
    inbox = StreamReader(limit, loop)
    proto = StreamReaderProtocol(inbox, None, loop)
    wire, _ = await loop.create_connection(lambda: proto, host, port, **kwds)
    return inbox, StreamWriter(wire, proto, inbox, loop)


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, **kwds):
    """Serves [host]:[port], calling client_connected_cb(reader, writer) for
    each connection; a coroutine it returns is run as a task."""
    loop = events.get_running_loop()

    def protocol_for_new_client():
        return StreamReaderProtocol(StreamReader(limit, loop), client_connected_cb, loop)

    return await loop.create_server(protocol_for_new_client, host, port, **kwds)


def _settle(waiter, error=None):
    """Finishes a parked future unless its owner gave up on it."""
    if waiter.done():
        return
    if error is None:
        waiter.set_result(None)
    else:
        waiter.set_exception(error)


class FlowControlMixin(protocols.Protocol):
    """Protocol half of write flow control: _drain_helper() suspends while
    the transport has paused writing."""

    def __init__(self, loop=None):
        self._loop = events.get_event_loop() if loop is None else loop
        self._writing_paused = False
        self._lost = False
        self._drainers = deque()  # futures of coroutines blocked in drain()

    def pause_writing(self):
        assert not self._writing_paused
        self._writing_paused = True

    def resume_writing(self):
        assert self._writing_paused
        self._writing_paused = False
        self._release_drainers(None)

    def connection_lost(self, exc):
        self._lost = True
        # Drainers exist only while writing is paused.
        if self._writing_paused:
            self._release_drainers(exc)

    def _release_drainers(self, error):
        drainers, self._drainers = self._drainers, deque()
        for parked in drainers:
            _settle(parked, error)

    async def _drain_helper(self):
        # The name is the one CPython's StreamWriter.drain() calls, which
        # third-party protocols built on this mixin may rely on.
        if self._lost:
            raise ConnectionResetError('Connection lost')
        if self._writing_paused:
            parked = self._loop.create_future()
            self._drainers.append(parked)
            try:
                await parked
            finally:
                if parked in self._drainers:
                    self._drainers.remove(parked)

    def _get_close_waiter(self, stream):
        raise NotImplementedError


class StreamReaderProtocol(FlowControlMixin, protocols.Protocol):
    """Feeds a transport's data to a StreamReader; for servers, also makes
    the StreamWriter and calls client_connected_cb."""

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        FlowControlMixin.__init__(self, loop)
        # All four references are dropped when the connection ends.
        self._inbox = stream_reader
        self._wire = None
        self._writer = None
        self._handler_task = None
        self._on_connect = client_connected_cb
        # Set when the connection ends; what StreamWriter.wait_closed() awaits.
        self._ended = self._loop.create_future()

    def connection_made(self, transport):
        self._wire = transport
        inbox = self._inbox
        if inbox is not None:
            inbox.set_transport(transport)
        if self._on_connect is not None:
            self._writer = StreamWriter(transport, self, inbox, self._loop)
            outcome = self._on_connect(inbox, self._writer)
            from .coroutines import iscoroutine
            if iscoroutine(outcome):
                self._handler_task = self._loop.create_task(outcome)
                self._handler_task.add_done_callback(self._handler_done)

    def _handler_done(self, task):
        # A handler that failed or was cancelled leaves nobody to close its
        # connection, and the client would wait forever for a reply (as in
        # CPython 3.11; 3.12 closes it too). The failure itself is still
        # reported when the task is collected: _log_traceback is only read.
        if task.cancelled() or task._log_traceback:
            wire = self._wire
            if wire is not None and not wire.is_closing():
                wire.close()

    def connection_lost(self, exc):
        inbox = self._inbox
        if inbox is not None and exc is not None:
            inbox.set_exception(exc)
        elif inbox is not None:
            inbox.feed_eof()
        _settle(self._ended, exc)
        FlowControlMixin.connection_lost(self, exc)
        self._inbox = self._writer = self._wire = self._handler_task = None

    def data_received(self, data):
        if self._inbox is not None:
            self._inbox.feed_data(data)

    def eof_received(self):
        if self._inbox is not None:
            self._inbox.feed_eof()
        # True keeps the transport open so that the writer can still answer.
        return True

    def _get_close_waiter(self, stream):
        return self._ended

    def __del__(self):
        # Nobody may ever await wait_closed(); fetch the error so that it is
        # not reported as never retrieved.
        ended = getattr(self, '_ended', None)
        if ended is not None and ended.done() and not ended.cancelled():
            ended.exception()


class StreamWriter:
    """The writing side of a connection: a thin layer over the transport
    that adds drain() and wait_closed()."""

    def __init__(self, transport, protocol, reader, loop):
        self._wire = transport
        self._flow = protocol
        self._inbox = reader
        self._loop = loop

    def __repr__(self):
        text = f'<StreamWriter transport={self._wire!r}'
        if self._inbox is not None:
            text += f' reader={self._inbox!r}'
        return text + '>'

    @property
    def transport(self):
        return self._wire

    def write(self, data):
        self._wire.write(data)

    def writelines(self, data):
        self._wire.writelines(data)

    def write_eof(self):
        return self._wire.write_eof()

    def can_write_eof(self):
        return self._wire.can_write_eof()

    def close(self):
        return self._wire.close()

    def is_closing(self):
        return self._wire.is_closing()

    def get_extra_info(self, name, default=None):
        return self._wire.get_extra_info(name, default)

    async def wait_closed(self):
        await self._flow._get_close_waiter(self)

    async def drain(self):
        """Waits until the transport can take more data. Raises the error
        that broke the connection, or ConnectionResetError after a close."""
        if self._inbox is not None and self._inbox._error is not None:
            raise self._inbox._error
        flow = self._flow
        if self._wire.is_closing():
            # Let a pending connection_lost() run first, so that the error
            # below is the real one.
            from .tasks import sleep
            await sleep(0)
        elif not (flow._writing_paused or flow._lost):
            return  # the common case: nothing to wait for
        await flow._drain_helper()

    async def start_tls(self, sslcontext, *, server_hostname=None, ssl_handshake_timeout=None):
        raise NotImplementedError('gilpy asyncio has no TLS: start_tls() is not supported')


class StreamReader:
    """Bytes received on a connection, read by coroutines."""

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._cap = limit
        self._loop = events.get_event_loop() if loop is None else loop
        self._data = bytearray()
        self._eof_seen = False
        self._error = None
        self._wire = None
        self._reading_paused = False  # we asked the transport to pause
        self._parked = None  # the future of the one coroutine waiting for data

    def __repr__(self):
        parts = ['StreamReader']
        if self._data:
            parts.append(f'{len(self._data)} bytes')
        if self._eof_seen:
            parts.append('eof')
        if self._cap != _DEFAULT_LIMIT:
            parts.append(f'limit={self._cap}')
        if self._parked:
            parts.append(f'waiter={self._parked!r}')
        if self._error:
            parts.append(f'exception={self._error!r}')
        if self._wire:
            parts.append(f'transport={self._wire!r}')
        if self._reading_paused:
            parts.append('paused')
        return '<' + ' '.join(parts) + '>'

    # -- the feeding side (the protocol) --

    def exception(self):
        return self._error

    def set_exception(self, exc):
        self._error = exc
        parked, self._parked = self._parked, None
        if parked is not None and not parked.cancelled():
            parked.set_exception(exc)

    def set_transport(self, transport):
        assert self._wire is None, 'Transport already set'
        self._wire = transport

    def feed_eof(self):
        self._eof_seen = True
        self._unpark()

    def at_eof(self):
        return self._eof_seen and not self._data

    def feed_data(self, data):
        assert not self._eof_seen, 'feed_data after feed_eof'
        if not data:
            return
        self._data += data
        self._unpark()
        if (not self._reading_paused and self._wire is not None
                and len(self._data) > 2 * self._cap):
            try:
                self._wire.pause_reading()
            except NotImplementedError:
                # A transport that cannot pause: stop trying.
                self._wire = None
            else:
                self._reading_paused = True

    def _unpark(self):
        parked, self._parked = self._parked, None
        if parked is not None and not parked.cancelled():
            parked.set_result(None)

    # -- the reading side --

    def _consumed(self):
        # Called after bytes leave the buffer: restart a paused transport
        # once the buffer is back within the limit.
        if self._reading_paused and len(self._data) <= self._cap:
            self._reading_paused = False
            self._wire.resume_reading()

    async def _await_more(self, func_name):
        if self._parked is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is '
                               f'already waiting for incoming data')
        assert not self._eof_seen, 'waiting for data after EOF'
        if self._reading_paused:
            # The reader needs more than is buffered; a paused transport
            # would never deliver it.
            self._reading_paused = False
            self._wire.resume_reading()
        self._parked = self._loop.create_future()
        try:
            await self._parked
        finally:
            self._parked = None

    def _take(self, count):
        buffer = self._data
        if count >= len(buffer):
            chunk = bytes(buffer)
            buffer.clear()
        else:
            chunk = bytes(buffer[:count])
            del buffer[:count]
        return chunk

    async def read(self, n=-1):
        if self._error is not None:
            raise self._error
        if n == 0:
            return b''
        if n < 0:
            pieces = []
            while True:
                piece = await self.read(self._cap)
                if not piece:
                    return b''.join(pieces)
                pieces.append(piece)
        if not self._data and not self._eof_seen:
            await self._await_more('read')
        chunk = self._take(n)
        self._consumed()
        return chunk

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._error is not None:
            raise self._error
        if n == 0:
            return b''
        while len(self._data) < n:
            if self._eof_seen:
                partial = self._take(len(self._data))
                raise exceptions.IncompleteReadError(partial, n)
            await self._await_more('readexactly')
        chunk = self._take(n)
        self._consumed()
        return chunk

    async def readuntil(self, separator=b'\n'):
        width = len(separator)
        if width == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._error is not None:
            raise self._error
        # Bytes before [searched_to] are known not to start the separator,
        # so each new chunk is searched only once.
        searched_to = 0
        while True:
            size = len(self._data)
            if size - searched_to >= width:
                found = self._data.find(separator, searched_to)
                if found >= 0:
                    break
                searched_to = size - width + 1
                if searched_to > self._cap:
                    raise exceptions.LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit', searched_to)
            # Search before giving up at EOF: the last chunk and the EOF
            # may well have arrived together.
            if self._eof_seen:
                raise exceptions.IncompleteReadError(self._take(size), None)
            await self._await_more('readuntil')
        if found > self._cap:
            raise exceptions.LimitOverrunError(
                'Separator is found, but chunk is longer than limit', found)
        chunk = self._take(found + width)
        self._consumed()
        return chunk

    async def readline(self):
        try:
            return await self.readuntil(b'\n')
        except exceptions.IncompleteReadError as short:
            return short.partial
        except exceptions.LimitOverrunError as overrun:
            # Drop the over-long line (through its newline if it is already
            # here) so that the next readline() starts on a fresh one.
            end = overrun.consumed
            if self._data.startswith(b'\n', end):
                del self._data[:end + 1]
            else:
                self._data.clear()
            self._consumed()
            raise ValueError(overrun.args[0])

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line
