"""Child processes and pipes for asyncio, with CPython 3.11's API.

    proc = await asyncio.create_subprocess_exec('ls', '-l', stdout=PIPE)
    out, err = await proc.communicate()

How it runs. subprocess.Popen starts the child (gilpy's C spawn). Each of
its pipes becomes a pipe transport: the loop watches the descriptor with
add_reader()/add_writer() (a uv_poll_t on the loop's libuv loop) and reads
or writes it without blocking, so a child's output arrives between other
tasks' steps. The child's exit is awaited the way CPython's default child
watcher does it: a thread of its own sits in waitpid() (the GIL released)
and hands the exit status to the loop with call_soon_threadsafe().

The same pipe transports serve loop.connect_read_pipe() and
loop.connect_write_pipe() for any pipe a program has.
"""

import os

from . import events, protocols, streams, tasks, transports

__all__ = ('create_subprocess_exec', 'create_subprocess_shell')

# subprocess's values; that module (and threading) are imported on first
# use, so that `import asyncio` stays light.
PIPE = -1
STDOUT = -2
DEVNULL = -3


def _settle(future, result=None):
    if not future.done():
        future.set_result(result)


# ---------------------------------------------------------------------------
# Pipe transports
# ---------------------------------------------------------------------------

class _PipeEnds:
    """What both pipe transports share: the start, the protocol, the end."""

    def _attach(self, loop, pipe, protocol):
        transports.BaseTransport.__init__(self, {'pipe': pipe})
        self._loop = loop
        self._pipe = pipe
        self._fd = pipe.fileno()
        self._protocol = protocol
        os.set_blocking(self._fd, False)
        loop.call_soon(protocol.connection_made, self)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def _lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._pipe.close()
            self._pipe = self._protocol = self._loop = None


class _ReadPipeTransport(_PipeEnds, transports.ReadTransport):
    """Reads a pipe (or FIFO, or character device) without blocking."""

    max_size = 256 * 1024

    def __init__(self, loop, pipe, protocol, waiter=None):
        self._closing = False
        self._paused = False
        self._attach(loop, pipe, protocol)
        loop.call_soon(self._watch)
        if waiter is not None:
            loop.call_soon(_settle, waiter)

    def __repr__(self):
        state = 'closing' if self._closing else 'open'
        return f'<_ReadPipeTransport fd={self._fd} {state}>'

    def _watch(self):
        if not self._closing and not self._paused:
            self._loop.add_reader(self._fd, self._readable)

    def _readable(self):
        try:
            data = os.read(self._fd, self.max_size)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._fail(exc)
            return
        if data:
            self._protocol.data_received(data)
            return
        # The other end is closed: end of file.
        self._closing = True
        self._loop.remove_reader(self._fd)
        self._loop.call_soon(self._protocol.eof_received)
        self._loop.call_soon(self._lost, None)

    def is_reading(self):
        return not self._paused and not self._closing

    def pause_reading(self):
        if self._closing or self._paused:
            return
        self._paused = True
        self._loop.remove_reader(self._fd)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._loop.add_reader(self._fd, self._readable)

    def is_closing(self):
        return self._closing

    def close(self):
        if not self._closing:
            self._stop(None)

    def _fail(self, exc):
        self._stop(exc)

    def _stop(self, exc):
        self._closing = True
        self._loop.remove_reader(self._fd)
        self._loop.call_soon(self._lost, exc)



class _WritePipeTransport(_PipeEnds, transports.WriteTransport):
    """Writes a pipe without blocking; what the pipe does not take at once
    waits in a buffer, with the usual high and low water marks."""

    def __init__(self, loop, pipe, protocol, waiter=None):
        self._buffer = bytearray()
        self._closing = False    # close() or write_eof(): flush, then close
        self._done = False       # the descriptor is given up
        self._paused_protocol = False
        self._dropped_writes = 0
        self.set_write_buffer_limits()
        self._attach(loop, pipe, protocol)
        if waiter is not None:
            loop.call_soon(_settle, waiter)

    def __repr__(self):
        state = 'closing' if self._closing else 'open'
        return f'<_WritePipeTransport fd={self._fd} {state} buffered={len(self._buffer)}>'

    def set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            high = 64 * 1024 if low is None else 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        self._high, self._low = high, low

    def get_write_buffer_limits(self):
        return (self._low, self._high)

    def get_write_buffer_size(self):
        return len(self._buffer)

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if not data:
            return
        if self._closing or self._done:
            # As CPython: dropped, with a warning once it keeps happening.
            self._dropped_writes += 1
            if self._dropped_writes > 5:
                import logging
                logging.getLogger('asyncio').warning(
                    'pipe closed by peer or os.write(pipe, data) raised exception.')
            return
        if not self._buffer:
            try:
                written = os.write(self._fd, data)
            except (BlockingIOError, InterruptedError):
                written = 0
            except OSError as exc:
                self._fail(exc)
                return
            data = memoryview(data)[written:]
            if not data:
                return
            self._loop.add_writer(self._fd, self._writable)
        self._buffer += data
        if not self._paused_protocol and len(self._buffer) > self._high:
            self._paused_protocol = True
            self._protocol.pause_writing()

    def _writable(self):
        try:
            written = os.write(self._fd, self._buffer)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._buffer.clear()
            self._fail(exc)
            return
        del self._buffer[:written]
        if self._paused_protocol and len(self._buffer) <= self._low:
            self._paused_protocol = False
            self._protocol.resume_writing()
        if not self._buffer:
            self._loop.remove_writer(self._fd)
            if self._closing:
                self._finish(None)

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing or self._done:
            return
        self._closing = True
        if not self._buffer:
            self._finish(None)

    def close(self):
        self.write_eof()

    def is_closing(self):
        return self._closing or self._done

    def abort(self):
        self._buffer.clear()
        self._finish(None)

    def _fail(self, exc):
        self._finish(exc)

    def _finish(self, exc):
        if self._done:
            return
        self._done = self._closing = True
        self._loop.remove_writer(self._fd)
        self._loop.call_soon(self._lost, exc)



async def _connect_pipe(kind, loop, protocol_factory, pipe):
    protocol = protocol_factory()
    waiter = loop.create_future()
    transport = kind(loop, pipe, protocol, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


async def connect_read_pipe(loop, protocol_factory, pipe):
    return await _connect_pipe(_ReadPipeTransport, loop, protocol_factory, pipe)


async def connect_write_pipe(loop, protocol_factory, pipe):
    return await _connect_pipe(_WritePipeTransport, loop, protocol_factory, pipe)


# ---------------------------------------------------------------------------
# The subprocess transport
# ---------------------------------------------------------------------------

class _PipeEnd(protocols.Protocol):
    """Connects one of the child's pipes to the subprocess transport."""

    def __init__(self, owner, fd):
        self._owner = owner
        self._fd = fd
        self.pipe = None
        self.lost = False

    def connection_made(self, transport):
        self.pipe = transport

    def connection_lost(self, exc):
        self.lost = True
        self._owner._pipe_lost(self._fd, exc)

    def pause_writing(self):
        self._owner._protocol.pause_writing()

    def resume_writing(self):
        self._owner._protocol.resume_writing()

    def data_received(self, data):
        self._owner._protocol.pipe_data_received(self._fd, data)

    def eof_received(self):
        pass


class _SubprocessTransport(transports.SubprocessTransport):
    def __init__(self, loop, protocol, args, shell, stdin, stdout, stderr, bufsize, **kwargs):
        import subprocess
        import threading
        super().__init__(None)
        self._loop = loop
        self._protocol = protocol
        self._closed = False
        self._returncode = None
        self._exit_waiters = []
        self._ends = {}
        self._proc = subprocess.Popen(args, shell=shell, stdin=stdin, stdout=stdout,
                                      stderr=stderr, universal_newlines=False,
                                      bufsize=bufsize, **kwargs)
        self._pid = self._proc.pid
        self._extra['subprocess'] = self._proc
        # The protocol hears of the transport before any pipe data.
        loop.call_soon(protocol.connection_made, self)
        for fd, pipe, kind in ((0, self._proc.stdin, _WritePipeTransport),
                               (1, self._proc.stdout, _ReadPipeTransport),
                               (2, self._proc.stderr, _ReadPipeTransport)):
            if pipe is not None:
                end = self._ends[fd] = _PipeEnd(self, fd)
                end.pipe = kind(loop, pipe, end)
        watcher = threading.Thread(target=self._wait_for_exit, args=(loop, self._proc),
                                   name=f'waitpid-{self._pid}', daemon=True)
        watcher.start()

    def __repr__(self):
        parts = [self.__class__.__name__]
        if self._closed:
            parts.append('closed')
        parts.append(f'pid={self._pid}')
        if self._returncode is not None:
            parts.append(f'returncode={self._returncode}')
        elif self._pid is not None:
            parts.append('running')
        return '<{}>'.format(' '.join(parts))

    def _wait_for_exit(self, loop, proc):
        # A thread of its own: waitpid() releases the GIL while it waits.
        returncode = proc.wait()
        try:
            loop.call_soon_threadsafe(self._exited, returncode)
        except RuntimeError:
            pass  # the loop is closed: nobody is waiting any more

    def _exited(self, returncode):
        self._returncode = returncode
        if self._protocol is not None:
            self._protocol.process_exited()
        waiters, self._exit_waiters = self._exit_waiters, []
        for waiter in waiters:
            _settle(waiter, returncode)
        self._maybe_finish()

    def _pipe_lost(self, fd, exc):
        if self._protocol is not None:
            self._protocol.pipe_connection_lost(fd, exc)
        self._maybe_finish()

    def _maybe_finish(self):
        if self._returncode is None or not all(end.lost for end in self._ends.values()):
            return
        protocol, self._protocol = self._protocol, None
        if protocol is not None:
            self._loop.call_soon(protocol.connection_lost, None)

    async def _wait(self):
        if self._returncode is not None:
            return self._returncode
        waiter = self._loop.create_future()
        self._exit_waiters.append(waiter)
        return await waiter

    def get_pid(self):
        return self._pid

    def get_returncode(self):
        return self._returncode

    def get_pipe_transport(self, fd):
        end = self._ends.get(fd)
        return None if end is None else end.pipe

    def _check_proc(self):
        if self._proc is None:
            raise ProcessLookupError()

    def send_signal(self, signal):
        self._check_proc()
        self._proc.send_signal(signal)

    def terminate(self):
        self._check_proc()
        self._proc.terminate()

    def kill(self):
        self._check_proc()
        self._proc.kill()

    def is_closing(self):
        return self._closed

    def close(self):
        if self._closed:
            return
        self._closed = True
        for end in self._ends.values():
            if end.pipe is not None and not end.pipe.is_closing():
                end.pipe.close()
        if self._proc is not None and self._returncode is None and self._proc.poll() is None:
            # As CPython: closing the transport of a running child kills it.
            try:
                self._proc.kill()
            except ProcessLookupError:
                pass


async def subprocess_exec(loop, protocol_factory, args, shell, stdin, stdout, stderr, bufsize,
                          kwargs):
    protocol = protocol_factory()
    transport = _SubprocessTransport(loop, protocol, args, shell, stdin, stdout, stderr,
                                     bufsize, **kwargs)
    # Let connection_made() and the pipes' start run before returning.
    await tasks.sleep(0)
    return transport, protocol


# ---------------------------------------------------------------------------
# Process: the streams API
# ---------------------------------------------------------------------------

class SubprocessStreamProtocol(streams.FlowControlMixin, protocols.SubprocessProtocol):
    """Like StreamReaderProtocol, but for a subprocess."""

    def __init__(self, limit, loop):
        super().__init__(loop=loop)
        self._limit = limit
        self.stdin = self.stdout = self.stderr = None
        self._transport = None
        self._process_exited = False
        self._pipe_fds = []
        self._stdin_closed = self._loop.create_future()

    def __repr__(self):
        info = [self.__class__.__name__]
        for name in ('stdin', 'stdout', 'stderr'):
            if getattr(self, name) is not None:
                info.append(f'{name}={getattr(self, name)!r}')
        return '<{}>'.format(' '.join(info))

    def connection_made(self, transport):
        self._transport = transport
        for fd, name in ((1, 'stdout'), (2, 'stderr')):
            pipe = transport.get_pipe_transport(fd)
            if pipe is not None:
                reader = streams.StreamReader(limit=self._limit, loop=self._loop)
                reader.set_transport(pipe)
                setattr(self, name, reader)
                self._pipe_fds.append(fd)
        pipe = transport.get_pipe_transport(0)
        if pipe is not None:
            self.stdin = streams.StreamWriter(pipe, protocol=self, reader=None, loop=self._loop)

    def pipe_data_received(self, fd, data):
        reader = self.stdout if fd == 1 else self.stderr if fd == 2 else None
        if reader is not None:
            reader.feed_data(data)

    def pipe_connection_lost(self, fd, exc):
        if fd == 0:
            if self.stdin is not None:
                self.stdin.close()
            self.connection_lost(exc)
            if exc is None:
                _settle(self._stdin_closed)
            elif not self._stdin_closed.done():
                self._stdin_closed.set_exception(exc)
                self._stdin_closed.exception()  # retrieved: no warning if unused
            return
        reader = self.stdout if fd == 1 else self.stderr if fd == 2 else None
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        if fd in self._pipe_fds:
            self._pipe_fds.remove(fd)
        self._maybe_close_transport()

    def process_exited(self):
        self._process_exited = True
        self._maybe_close_transport()

    def _maybe_close_transport(self):
        if not self._pipe_fds and self._process_exited and self._transport is not None:
            self._transport.close()
            self._transport = None

    def _get_close_waiter(self, stream):
        if stream is self.stdin:
            return self._stdin_closed


class Process:
    def __init__(self, transport, protocol, loop):
        self._transport = transport
        self._protocol = protocol
        self._loop = loop
        self.stdin = protocol.stdin
        self.stdout = protocol.stdout
        self.stderr = protocol.stderr
        self.pid = transport.get_pid()

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.pid}>'

    @property
    def returncode(self):
        return self._transport.get_returncode()

    async def wait(self):
        """Wait until the process exits and return its exit status."""
        return await self._transport._wait()

    def send_signal(self, signal):
        self._transport.send_signal(signal)

    def terminate(self):
        self._transport.terminate()

    def kill(self):
        self._transport.kill()

    async def _feed_stdin(self, input):
        try:
            self.stdin.write(input)
            await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the child does not read its input: it is gone or done
        self.stdin.close()

    async def _nothing(self):
        return None

    async def _read_stream(self, fd):
        stream = self.stdout if fd == 1 else self.stderr
        output = await stream.read()
        self._transport.get_pipe_transport(fd).close()
        return output

    async def communicate(self, input=None):
        if self.stdin is not None and input is not None:
            stdin = self._feed_stdin(input)
        elif self.stdin is not None:
            stdin = self._close_stdin()
        else:
            stdin = self._nothing()
        stdout = self._read_stream(1) if self.stdout is not None else self._nothing()
        stderr = self._read_stream(2) if self.stderr is not None else self._nothing()
        stdin, stdout, stderr = await tasks.gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)

    async def _close_stdin(self):
        self.stdin.close()


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=streams._DEFAULT_LIMIT, **kwds):
    loop = events.get_running_loop()
    transport, protocol = await loop.subprocess_shell(
        lambda: SubprocessStreamProtocol(limit=limit, loop=loop),
        cmd, stdin=stdin, stdout=stdout, stderr=stderr, **kwds)
    return Process(transport, protocol, loop)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None, stderr=None,
                                 limit=streams._DEFAULT_LIMIT, **kwds):
    loop = events.get_running_loop()
    transport, protocol = await loop.subprocess_exec(
        lambda: SubprocessStreamProtocol(limit=limit, loop=loop),
        program, *args, stdin=stdin, stdout=stdout, stderr=stderr, **kwds)
    return Process(transport, protocol, loop)
