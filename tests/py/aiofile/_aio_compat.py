"""gilpy.aio's documented API on CPython, for the expected outputs.

The tests here import gilpy.aio and fall back to this module when it is
missing (CPython, which writes the .expected files). It is written
independently of lib/gilpy/aio.py, on plain blocking files run in threads,
so that both sides must agree on the documented behaviour, not share bugs.
"""

import asyncio
import builtins
import concurrent.futures
import io
import os

_pool = concurrent.futures.ThreadPoolExecutor(64)


async def _in_thread(fn, *args, orphan=None):
    """fn(*args) in a thread; if the awaiting task is cancelled, [orphan] is
    called with the result it would have returned."""
    c = _pool.submit(fn, *args)
    try:
        return await asyncio.wrap_future(c)
    except asyncio.CancelledError:
        if orphan is not None:
            def dispose(c):
                if not c.cancelled() and c.exception() is None:
                    orphan(c.result())
            c.add_done_callback(dispose)
        raise


def _read_all(path, mode, encoding, errors, newline):
    with builtins.open(path, mode, encoding=encoding, errors=errors, newline=newline) as f:
        return f.read()


async def read_file(path, mode='rb', encoding=None, errors=None, newline=None):
    if mode not in ('rb', 'r', 'rt'):
        raise ValueError("read_file() mode must be 'r' or 'rb', not %r" % (mode,))
    if mode != 'rb' and encoding is None:
        encoding = 'utf-8'
    return await _in_thread(_read_all, path, mode, encoding, errors, newline)


def _write_all(path, data, mode, encoding, errors):
    with builtins.open(path, mode, encoding=encoding, errors=errors) as f:
        f.write(data)


async def write_file(path, data, mode=None, encoding=None, errors=None):
    if mode is None:
        mode = 'w' if isinstance(data, str) else 'wb'
    if mode not in ('w', 'wb', 'wt', 'a', 'ab', 'at', 'x', 'xb', 'xt'):
        raise ValueError("write_file() mode must be one of 'w', 'a', 'x' (with "
                         "an optional 'b'), not %r" % (mode,))
    if 'b' not in mode and encoding is None:
        encoding = 'utf-8'
    if 'b' not in mode and not isinstance(data, str):
        raise TypeError('write() argument must be str, not %s' % type(data).__name__)
    if 'b' in mode and isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    await _in_thread(_write_all, path, data, mode, encoding, errors)
    return len(data)


async def stat(path, *, follow_symlinks=True):
    return await _in_thread(lambda: os.stat(path, follow_symlinks=follow_symlinks))


class AsyncFile:
    def __init__(self, f, binary):
        self._f = f
        self._binary = binary
        self.name = f.name
        self.mode = f.mode

    @property
    def closed(self):
        return self._f.closed

    def _check_open(self):
        if self._f.closed:
            raise ValueError('I/O operation on closed file.')

    def fileno(self):
        self._check_open()
        return self._f.fileno()

    def readable(self):
        self._check_open()
        return self._f.readable()

    def writable(self):
        self._check_open()
        return self._f.writable()

    async def read(self, n=-1):
        self._check_open()
        if not self._f.readable():
            raise io.UnsupportedOperation('read' if self._binary else 'not readable')
        return await _in_thread(self._f.read, n)

    async def write(self, data):
        self._check_open()
        if not self._f.writable():
            raise io.UnsupportedOperation('write' if self._binary else 'not writable')

        def put():
            n = self._f.write(data)
            self._f.flush()
            return n
        return await _in_thread(put)

    async def seek(self, offset, whence=0):
        self._check_open()
        return self._f.seek(offset, whence)

    def tell(self):
        self._check_open()
        return self._f.tell()

    async def flush(self):
        self._check_open()

    async def fsync(self):
        self._check_open()
        await _in_thread(os.fsync, self._f.fileno())

    async def close(self):
        if not self._f.closed:
            await _in_thread(self._f.close)

    async def __aenter__(self):
        self._check_open()
        return self

    async def __aexit__(self, *exc_info):
        await self.close()


class _Opening:
    def __init__(self, path, mode, kw):
        self._args = (path, mode, kw)
        self._file = None

    async def _open(self):
        path, mode, kw = self._args
        f = await _in_thread(lambda: builtins.open(path, mode, buffering=0 if 'b' in mode else -1, **kw),
                             orphan=lambda f: f.close())
        return AsyncFile(f, 'b' in mode)

    def __await__(self):
        return self._open().__await__()

    async def __aenter__(self):
        self._file = await self._open()
        return self._file

    async def __aexit__(self, *exc_info):
        await self._file.close()


def open_(path, mode='r', encoding=None, errors=None, newline=None):
    if 'b' not in mode and encoding is None:
        encoding = 'utf-8'
    # Check the arguments now, as open() would: open() itself on /dev/null.
    fd = os.open(os.devnull, os.O_RDWR)
    try:
        builtins.open(fd, mode, encoding=encoding, errors=errors, newline=newline, closefd=False).close()
    finally:
        os.close(fd)
    return _Opening(path, mode, dict(encoding=encoding, errors=errors, newline=newline))


globals()['open'] = open_
