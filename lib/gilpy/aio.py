"""Awaitable file I/O for coroutines, served by libuv's threadpool.

CPython's asyncio has no file I/O of its own (the usual answer is
asyncio.to_thread around open()). gilpy runs each request on the running
loop's own libuv loop: the work happens in libuv's threadpool, the loop's
thread waits for it in the same poll that waits for timers and sockets, and
the awaiting coroutine resumes when it is done. No Python thread is created
and the GIL is not held while the request runs.

    from gilpy import aio

    data = await aio.read_file('data.bin')            # bytes
    text = await aio.read_file('notes.txt', 'r')      # str, as open(p).read()
    await aio.write_file('out.txt', 'hello\\n')       # str: text, bytes: binary
    st = await aio.stat('out.txt')                    # os.stat_result

    async with aio.open('big.bin', 'rb') as f:        # or: f = await aio.open(...)
        head = await f.read(16)
        await f.seek(0, os.SEEK_END)
        size = f.tell()

Errors are those of open() and os.stat(): FileNotFoundError(2, 'No such
file or directory') with the filename, IsADirectoryError, PermissionError,
ValueError('I/O operation on closed file.').

Cancellation is safe. Cancelling a task that awaits a request cancels the
wait, not the request: libuv finishes it, gilpy frees it, and a descriptor
that a cancelled open() obtained is closed. A cancelled read or write may
still have moved the file position.

An AsyncFile reads and writes at the descriptor's position (so FIFOs and
pipes work); it has no buffer, so every read() and write() is one request.
Text mode decodes and encodes ('utf-8' unless an encoding is given) and
translates newlines as open() does; its tell() is a byte offset, which
counts each '\r\n' still held after a read(n) as one byte.
"""

import os as _os
import _gpfs
from asyncio import events as _events
from asyncio.exceptions import CancelledError as _CancelledError

__all__ = ('read_file', 'write_file', 'stat', 'open', 'AsyncFile')


def _request(fn, *args):
    """Starts _gpfs request [fn] on the running loop; returns its future."""
    loop = _events.get_running_loop()
    fut = loop.create_future()
    fn(loop._core, fut, *args)
    return fut


def _fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    try:
        return _os.fspath(path)
    except TypeError:
        raise TypeError('expected str, bytes or os.PathLike object, not %s'
                        % type(path).__name__) from None


def _parse_mode(mode):
    """Returns (flags, readable, writable, binary) as open() reads [mode]."""
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    modes = set(mode)
    if modes - set('axrwb+t') or len(mode) > len(modes):
        raise ValueError('invalid mode: %r' % mode)
    creating, reading = 'x' in modes, 'r' in modes
    writing, appending = 'w' in modes, 'a' in modes
    if 't' in modes and 'b' in modes:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if not (creating or reading or writing or appending):
        raise ValueError('Must have exactly one of create/read/write/append mode '
                         'and at most one plus')
    plus = '+' in modes
    if reading:
        flags = _os.O_RDONLY
    elif writing:
        flags = _os.O_WRONLY | _os.O_CREAT | _os.O_TRUNC
    elif appending:
        flags = _os.O_WRONLY | _os.O_CREAT | _os.O_APPEND
    else:
        flags = _os.O_WRONLY | _os.O_CREAT | _os.O_EXCL
    if plus:
        flags = (flags & ~_os.O_WRONLY) | _os.O_RDWR
    return flags, reading or plus, not reading or plus, 'b' in modes


def _check_text_args(binary, encoding, errors, newline):
    if binary:
        if encoding is not None:
            raise ValueError("binary mode doesn't take an encoding argument")
        if errors is not None:
            raise ValueError("binary mode doesn't take an errors argument")
        if newline is not None:
            raise ValueError("binary mode doesn't take a newline argument")
    elif newline not in (None, '', '\n', '\r', '\r\n'):
        raise ValueError('illegal newline value: %r' % (newline,))


def _translate(text, newline):
    """Universal newlines on input, as open() in text mode."""
    if newline is None and '\r' in text:
        return text.replace('\r\n', '\n').replace('\r', '\n')
    return text


async def read_file(path, mode='rb', encoding=None, errors=None, newline=None):
    """The whole file: bytes for mode 'rb', str for mode 'r'."""
    path = _fspath(path)
    if mode not in ('rb', 'r', 'rt'):
        raise ValueError("read_file() mode must be 'r' or 'rb', not %r" % (mode,))
    binary = mode == 'rb'
    _check_text_args(binary, encoding, errors, newline)
    data = await _request(_gpfs.read_file, path)
    if binary:
        return data
    return _translate(data.decode(encoding or 'utf-8', errors or 'strict'), newline)


async def write_file(path, data, mode=None, encoding=None, errors=None):
    """Creates or truncates [path] (mode 'w'/'wb'; 'a'/'ab' appends, 'x'/'xb'
    refuses an existing file) and writes all of [data]: a str in text mode,
    bytes in binary mode. The mode defaults to the kind of [data]. Returns
    len(data)."""
    path = _fspath(path)
    if mode is None:
        mode = 'w' if isinstance(data, str) else 'wb'
    if mode not in ('w', 'wb', 'wt', 'a', 'ab', 'at', 'x', 'xb', 'xt'):
        raise ValueError("write_file() mode must be one of 'w', 'a', 'x' (with "
                         "an optional 'b'), not %r" % (mode,))
    flags, _, _, binary = _parse_mode(mode)
    _check_text_args(binary, encoding, errors, None)
    if binary:
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        payload = data
    else:
        if not isinstance(data, str):
            raise TypeError('write() argument must be str, not %s' % type(data).__name__)
        payload = data.encode(encoding or 'utf-8', errors or 'strict')
    await _request(_gpfs.write_file, path, payload, flags)
    return len(data)


async def stat(path, *, follow_symlinks=True):
    """os.stat(path) without blocking the loop."""
    return await _request(_gpfs.stat, _fspath(path), bool(follow_symlinks))


class AsyncFile:
    """A file opened by aio.open(); its blocking methods are coroutines."""

    def __init__(self, fd, name, mode, readable, writable, binary,
                 encoding=None, errors=None, newline=None):
        self._fd = fd
        self.name = name
        self.mode = mode
        self._readable = readable
        self._writable = writable
        self._binary = binary
        self.encoding = None if binary else (encoding or 'utf-8')
        self.errors = None if binary else (errors or 'strict')
        self._newline = newline
        self._chars = ''      # text mode: decoded, not yet returned
        self._undecoded = b''  # text mode: an incomplete UTF-8 sequence
        self._cr = False       # text mode: a '\r' held back (maybe half of '\r\n')

    def __repr__(self):
        if self._fd < 0:
            return '<gilpy.aio.AsyncFile [closed]>'
        return '<gilpy.aio.AsyncFile name=%r mode=%r>' % (self.name, self.mode)

    @property
    def closed(self):
        return self._fd < 0

    def fileno(self):
        self._check_open()
        return self._fd

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def _check_open(self):
        if self._fd < 0:
            raise ValueError('I/O operation on closed file.')

    def _unsupported(self, what):
        import io
        raise io.UnsupportedOperation(what if self._binary else 'not ' + what + 'able')

    async def read(self, n=-1):
        """At most [n] bytes (characters in text mode), fewer only at end of
        file; everything up to end of file when n is negative or None."""
        self._check_open()
        if not self._readable:
            self._unsupported('read')
        if n is None:
            n = -1
        elif not isinstance(n, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(n).__name__)
        if self._binary:
            return await _request(_gpfs.read, self._fd, n)
        return await self._read_text(n)

    async def _read_text(self, n):
        if n < 0:
            self._decode(await _request(_gpfs.read, self._fd, -1), final=True)
        while len(self._chars) < n:
            data = await _request(_gpfs.read, self._fd, max(n - len(self._chars), 8192))
            # An empty read is end of file: what is held back is final.
            self._decode(data, final=not data)
            if not data:
                break
        if n < 0 or n >= len(self._chars):
            out, self._chars = self._chars, ''
        else:
            out, self._chars = self._chars[:n], self._chars[n:]
        return out

    def _decode(self, data, final):
        """Decodes [data] after what was held back into self._chars."""
        data = self._undecoded + data
        cut = len(data)
        if not final and self.encoding.replace('-', '').replace('_', '').lower() == 'utf8':
            # Keep an incomplete multi-byte sequence at the end for next time.
            i, back = len(data) - 1, 0
            while i >= 0 and back < 3 and (data[i] & 0xC0) == 0x80:
                i -= 1
                back += 1
            if i >= 0 and data[i] >= 0xC0:
                need = 2 if data[i] < 0xE0 else 3 if data[i] < 0xF0 else 4
                if back + 1 < need:
                    cut = i
        self._undecoded = data[cut:]
        text = data[:cut].decode(self.encoding, self.errors)
        if self._newline is None:
            if self._cr:
                text = '\r' + text
                self._cr = False
            if not final and text.endswith('\r'):
                # Maybe the first half of '\r\n': decide when more arrives.
                self._cr = True
                text = text[:-1]
            text = _translate(text, None)
        self._chars += text

    async def write(self, data):
        """Writes all of [data]; returns its length."""
        self._check_open()
        if not self._writable:
            self._unsupported('write')
        if self._binary:
            if isinstance(data, str):
                raise TypeError("a bytes-like object is required, not 'str'")
            payload = data
        else:
            if not isinstance(data, str):
                raise TypeError('write() argument must be str, not %s' % type(data).__name__)
            if self._newline not in (None, '', '\n'):
                data = data.replace('\n', self._newline)
            payload = data.encode(self.encoding, self.errors)
        await _request(_gpfs.write, self._fd, payload)
        return len(data)

    async def seek(self, offset, whence=0):
        """Moves the position (os.SEEK_SET/CUR/END); returns the new one."""
        self._check_open()
        if not isinstance(offset, int):
            raise TypeError('an integer is required (got type %s)' % type(offset).__name__)
        if whence not in (0, 1, 2):
            raise ValueError('invalid whence (%r, should be 0, 1 or 2)' % (whence,))
        if not self._binary and whence == 1 and self._chars:
            offset = self.tell() + offset
            whence = 0
        self._chars, self._undecoded, self._cr = '', b'', False
        return _os.lseek(self._fd, offset, whence)

    def tell(self):
        """The position in bytes (in text mode too)."""
        self._check_open()
        pos = _os.lseek(self._fd, 0, 1)
        if self._chars or self._undecoded or self._cr:
            held = self._chars.encode(self.encoding, self.errors)
            pos -= len(held) + len(self._undecoded) + self._cr
        return pos

    async def flush(self):
        """Nothing to do: an AsyncFile has no buffer. For symmetry with files."""
        self._check_open()

    async def fsync(self):
        """Forces the file's data to disk (os.fsync)."""
        self._check_open()
        await _request(_gpfs.fsync, self._fd)

    async def close(self):
        """Closes the file; closing twice is allowed."""
        fd = self._fd
        if fd < 0:
            return
        self._fd = -1
        await _request(_gpfs.close, fd)

    async def __aenter__(self):
        self._check_open()
        return self

    async def __aexit__(self, *exc_info):
        await self.close()

    def __del__(self):
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            try:
                _os.close(fd)
            except OSError:
                pass


class _Opening:
    """What aio.open() returns: await it for an AsyncFile, or use it in
    `async with`, which closes the file at the end."""

    __slots__ = ('_args', '_file')

    def __init__(self, args):
        self._args = args
        self._file = None

    async def _open(self):
        path, mode, flags, readable, writable, binary, encoding, errors, newline = self._args
        fut = _request(_gpfs.open, path, flags, 0o666)
        try:
            fd = await fut
        except _CancelledError:
            # The open may have finished just before the cancel reached this
            # task: then nobody will ever read the descriptor, so close it.
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                _os.close(fut.result())
            raise
        return AsyncFile(fd, path, mode, readable, writable, binary, encoding, errors, newline)

    def __await__(self):
        return self._open().__await__()

    async def __aenter__(self):
        self._file = await self._open()
        return self._file

    async def __aexit__(self, *exc_info):
        await self._file.close()


def open(path, mode='r', encoding=None, errors=None, newline=None):
    """Opens [path] as open() would (same modes, same errors) for awaitable
    reads and writes: `f = await aio.open(p)` or `async with aio.open(p) as f`."""
    path = _fspath(path)
    flags, readable, writable, binary = _parse_mode(mode)
    _check_text_args(binary, encoding, errors, newline)
    return _Opening((path, mode, flags, readable, writable, binary, encoding, errors, newline))
