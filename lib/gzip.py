"""Reading and writing gzip files (RFC 1952) on top of zlib.

Design notes
------------
A gzip file is a series of members. Each member is a small header (magic
bytes, method, flags, modification time, optional extra field, name, comment
and header CRC), a raw DEFLATE stream, and an eight-byte trailer holding the
CRC-32 and the length (mod 2**32) of the uncompressed bytes. Members may be
separated by zero bytes. All the compression work is zlib's (mod/zlib.c,
raw streams with wbits=-15); this module only frames it.

Writing: GzipFile writes the header when it is created, feeds every write()
through one compressobj and adds the trailer on close(). The header's bytes
follow CPython's choices (OS byte 255, extra-flags byte 2 for level 9 and 4
for level 1, the file's base name without `.gz` in Latin-1), so a file
written here with a given mtime is byte-identical to CPython's.

Reading: _MemberReader turns the compressed file into one stream of
uncompressed bytes, member after member, checking each trailer. It reads the
file in DEFAULT_BUFFER_SIZE pieces and asks the decompressor for at most as
many bytes as the caller wants, so memory stays bounded on huge files.
GzipFile keeps a small look-ahead buffer on top of it for peek() and
readline(). Seeking backwards starts again from the first member: gzip has no
index, so that is the only way.
"""

import builtins
import io
import os
import struct
import time
import zlib

__all__ = ['BadGzipFile', 'GzipFile', 'open', 'compress', 'decompress']

READ, WRITE = 1, 2
FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9

_MAGIC = b'\x1f\x8b'
_TRUNCATED = 'Compressed file ended before the end-of-stream marker was reached'
_CHUNK = io.DEFAULT_BUFFER_SIZE


class BadGzipFile(OSError):
    """The data is not a well-formed gzip stream."""


def _extra_flags(level):
    # RFC 1952's XFL byte: 2 = slowest, best compression; 4 = fastest.
    if level == _COMPRESS_LEVEL_BEST:
        return 2
    if level == _COMPRESS_LEVEL_FAST:
        return 4
    return 0


def _member_header(level, mtime, name=b''):
    flags = FNAME if name else 0
    parts = [_MAGIC, bytes((zlib.DEFLATED, flags)), struct.pack('<L', int(mtime)),
             bytes((_extra_flags(level), 255))]
    if name:
        parts.append(name + b'\0')
    return b''.join(parts)


def _member_trailer(crc, size):
    return struct.pack('<LL', crc, size & 0xFFFFFFFF)


class _Source:
    """The compressed file, with a way to push back bytes read too far."""

    def __init__(self, fileobj):
        self.fileobj = fileobj
        self.pushed = b''

    def read(self, n):
        if self.pushed:
            piece, self.pushed = self.pushed[:n], self.pushed[n:]
            return piece
        return self.fileobj.read(n)

    def push_back(self, data):
        if data:
            self.pushed = bytes(data) + self.pushed

    def read_exact(self, n):
        got = self.read(n)
        while len(got) < n:
            more = self.read(n - len(got))
            if not more:
                raise EOFError(_TRUNCATED)
            got += more
        return got

    def skip_zeros(self):
        """Skips the zero padding allowed between members."""
        while True:
            piece = self.read(_CHUNK)
            if not piece:
                return
            rest = piece.lstrip(b'\0')
            if rest:
                self.push_back(rest)
                return


def _read_member_header(src):
    """Consumes one member header; returns its mtime, or None at end of input."""
    magic = src.read(2)
    if not magic:
        return None
    if magic != _MAGIC:
        raise BadGzipFile('Not a gzipped file (%r)' % magic)
    method, flags, mtime = struct.unpack('<BBIxx', src.read_exact(8))
    if method != zlib.DEFLATED:
        raise BadGzipFile('Unknown compression method')
    if flags & FEXTRA:
        extra_len, = struct.unpack('<H', src.read_exact(2))
        src.read_exact(extra_len)
    for field in (FNAME, FCOMMENT):
        if flags & field:
            # A zero-terminated Latin-1 string nobody asked for.
            while src.read_exact(1) != b'\0':
                pass
    if flags & FHCRC:
        src.read_exact(2)
    return mtime


class _MemberReader:
    """The uncompressed bytes of every member of a gzip file, in order."""

    def __init__(self, fileobj, detailed_crc=True):
        self.src = _Source(fileobj)
        self.detailed_crc = detailed_crc
        self.last_mtime = None
        self._reset()

    def _reset(self):
        self.inflater = None   # None between members
        self.crc = 0
        self.size = 0
        self.finished = False
        self.pos = 0

    def rewind(self):
        self.src.fileobj.seek(0)
        self.src.pushed = b''
        self._reset()

    def _check_trailer(self):
        self.src.push_back(self.inflater.unused_data)
        stored_crc, stored_size = struct.unpack('<II', self.src.read_exact(8))
        if stored_crc != self.crc:
            if self.detailed_crc:
                raise BadGzipFile('CRC check failed %s != %s' % (hex(stored_crc), hex(self.crc)))
            raise BadGzipFile('CRC check failed')
        if stored_size != self.size & 0xFFFFFFFF:
            raise BadGzipFile('Incorrect length of data produced')
        self.inflater = None
        self.src.skip_zeros()

    def read(self, limit=-1, feed=_CHUNK):
        """Up to [limit] bytes (any amount when negative); b'' at the end."""
        while not self.finished:
            if self.inflater is None:
                mtime = _read_member_header(self.src)
                if mtime is None:
                    self.finished = True
                    break
                self.last_mtime = mtime
                self.inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                self.crc = 0
                self.size = 0
            inflater = self.inflater
            data = inflater.unconsumed_tail
            if not data:
                data = self.src.read(feed)
                if not data:
                    raise EOFError(_TRUNCATED)
            out = inflater.decompress(data, limit if limit > 0 else 0)
            if out:
                self.crc = zlib.crc32(out, self.crc)
                self.size += len(out)
            if inflater.eof:
                self._check_trailer()
            if out:
                self.pos += len(out)
                return out
        return b''


class GzipFile(io.BufferedIOBase):
    """A file whose contents are gzip-compressed on disk.

    Reading yields the uncompressed bytes of all members; writing compresses
    into a single member that close() completes.
    """

    myfileobj = None

    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST,
                 fileobj=None, mtime=None):
        if mode and ('t' in mode or 'U' in mode):
            raise ValueError('Invalid mode: {!r}'.format(mode))
        if mode and 'b' not in mode:
            mode += 'b'
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or 'rb')
        if filename is None:
            filename = getattr(fileobj, 'name', '')
            if not isinstance(filename, (str, bytes)):
                filename = ''
        else:
            filename = os.fspath(filename)
        given_mode = mode
        if mode is None:
            mode = getattr(fileobj, 'mode', 'rb')

        self.name = filename
        self._pending = b''       # read ahead by peek() or readline()
        self._reader = None
        if mode.startswith('r'):
            self.mode = READ
            self._reader = _MemberReader(fileobj)
        elif mode.startswith(('w', 'a', 'x')):
            if given_mode is None:
                import warnings
                warnings.warn('GzipFile was opened for writing, but this will change in future '
                              'Python releases.  Specify the mode argument for opening it for '
                              'writing.', FutureWarning, 2)
            self.mode = WRITE
            self.crc = 0
            self.size = 0
            self.offset = 0
            self.compress = zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS,
                                             zlib.DEF_MEM_LEVEL, 0)
            self._write_mtime = mtime
        else:
            raise ValueError('Invalid mode: {!r}'.format(mode))
        self.fileobj = fileobj
        if self.mode == WRITE:
            self.fileobj.write(_member_header(compresslevel, time.time() if mtime is None
                                              else mtime, self._header_name()))

    def _header_name(self):
        name = os.path.basename(self.name)
        if not isinstance(name, bytes):
            try:
                name = name.encode('latin-1')
            except UnicodeEncodeError:
                return b''
        return name[:-3] if name.endswith(b'.gz') else name

    @property
    def filename(self):
        import warnings
        warnings.warn('use the name attribute', DeprecationWarning, 2)
        if self.mode == WRITE and self.name[-3:] != '.gz':
            return self.name + '.gz'
        return self.name

    @property
    def mtime(self):
        """The modification time in the last member header read (None before)."""
        return self._reader.last_mtime if self._reader else None

    def __repr__(self):
        if self.fileobj is None:
            return '<gzip on 0x%x>' % id(self)
        return '<gzip %s 0x%x>' % (repr(self.fileobj)[1:-1], id(self))

    # -- state checks -------------------------------------------------

    @property
    def closed(self):
        return self.fileobj is None

    def _ensure_open(self):
        if self.fileobj is None:
            raise ValueError('I/O operation on closed file')

    def _ensure_mode(self, wanted, what):
        self._ensure_open()
        if self.mode != wanted:
            import errno
            kind = 'write-only' if wanted == READ else 'read-only'
            raise OSError(errno.EBADF, '%s() on %s GzipFile object' % (what, kind))

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def fileno(self):
        return self.fileobj.fileno()

    # -- writing ------------------------------------------------------

    def write(self, data):
        self._ensure_mode(WRITE, 'write')
        if isinstance(data, (bytes, bytearray)):
            count = len(data)
        else:
            data = memoryview(data)
            count = data.nbytes
        if count:
            self.fileobj.write(self.compress.compress(data))
            self.size += count
            self.crc = zlib.crc32(data, self.crc)
            self.offset += count
        return count

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._ensure_open()
        if self.mode == WRITE:
            self.fileobj.write(self.compress.flush(zlib_mode))
            self.fileobj.flush()

    def close(self):
        fileobj = self.fileobj
        if fileobj is None:
            return
        self.fileobj = None
        try:
            if self.mode == WRITE:
                fileobj.write(self.compress.flush())
                fileobj.write(_member_trailer(self.crc, self.size))
        finally:
            own = self.myfileobj
            if own is not None:
                self.myfileobj = None
                own.close()

    def __del__(self):
        # As io's own files do: an unclosed file is completed when collected.
        try:
            self.close()
        except Exception:
            pass

    # -- reading ------------------------------------------------------

    def _take(self, n):
        """Up to [n] bytes: the look-ahead first, then the reader."""
        if self._pending:
            piece, self._pending = self._pending[:n], self._pending[n:]
            return piece
        return self._reader.read(n)

    def read(self, size=-1):
        self._ensure_mode(READ, 'read')
        if size is None or size < 0:
            parts = [self._pending]
            self._pending = b''
            while True:
                piece = self._reader.read(-1, 1 << 16)
                if not piece:
                    break
                parts.append(piece)
            return b''.join(parts)
        parts = []
        while size > 0:
            piece = self._take(size)
            if not piece:
                break
            parts.append(piece)
            size -= len(piece)
        return b''.join(parts)

    def read1(self, size=-1):
        self._ensure_mode(READ, 'read')
        if size is None or size < 0:
            size = _CHUNK
        return self._take(size)

    def peek(self, n=0):
        self._ensure_mode(READ, 'peek')
        if not self._pending:
            self._pending = self._reader.read(_CHUNK)
        return self._pending

    def readinto(self, b):
        data = self.read(len(memoryview(b).cast('B')))
        memoryview(b).cast('B')[:len(data)] = data
        return len(data)

    def readinto1(self, b):
        data = self.read1(len(memoryview(b).cast('B')))
        memoryview(b).cast('B')[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._ensure_mode(READ, 'read')
        if size is None:
            size = -1
        line = b''
        while size < 0 or len(line) < size:
            if not self._pending:
                self._pending = self._reader.read(_CHUNK)
                if not self._pending:
                    break
            cut = self._pending.find(b'\n') + 1
            if cut == 0:
                cut = len(self._pending)
            if size >= 0:
                cut = min(cut, size - len(line))
            line += self._pending[:cut]
            self._pending = self._pending[cut:]
            if line.endswith(b'\n'):
                break
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._ensure_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -- positioning --------------------------------------------------

    def tell(self):
        self._ensure_open()
        if self.mode == WRITE:
            return self.offset
        return self._reader.pos - len(self._pending)

    def rewind(self):
        """Starts reading again from the first byte of the file."""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self._pending = b''
        self._reader.rewind()

    def seek(self, offset, whence=io.SEEK_SET):
        if self.mode == WRITE:
            self._ensure_open()
            if whence == io.SEEK_CUR:
                offset += self.offset
            elif whence != io.SEEK_SET:
                raise ValueError('Seek from end not supported')
            if offset < self.offset:
                raise OSError('Negative seek in write mode')
            gap = offset - self.offset
            zeros = bytes(1024)
            for _ in range(gap // 1024):
                self.write(zeros)
            self.write(bytes(gap % 1024))
            return self.offset
        self._ensure_mode(READ, 'seek')
        here = self.tell()
        if whence == io.SEEK_CUR:
            offset += here
        elif whence == io.SEEK_END:
            while self.read(1 << 16):
                pass
            here = self.tell()
            offset += here
        elif whence != io.SEEK_SET:
            raise ValueError('whence value %r unsupported' % (whence,))
        if offset < here:
            self.rewind()
            here = 0
        # No index: reach the target by reading and dropping.
        while here < offset:
            piece = self.read(min(offset - here, 1 << 16))
            if not piece:
                break
            here += len(piece)
        return self.tell()


def open(filename, mode='rb', compresslevel=_COMPRESS_LEVEL_BEST, encoding=None, errors=None,
         newline=None):
    """Opens a gzip file in binary ('rb', 'wb', 'ab', 'xb') or text ('rt'...) mode.

    [filename] is a path or an already open file object."""
    text = 't' in mode
    if text:
        if 'b' in mode:
            raise ValueError('Invalid mode: %r' % (mode,))
    else:
        for argname, value in (('encoding', encoding), ('errors', errors),
                               ('newline', newline)):
            if value is not None:
                raise ValueError("Argument '%s' not supported in binary mode" % argname)
    binary_mode = mode.replace('t', '')
    if isinstance(filename, (str, bytes, os.PathLike)):
        binary = GzipFile(filename, binary_mode, compresslevel)
    elif hasattr(filename, 'read') or hasattr(filename, 'write'):
        binary = GzipFile(None, binary_mode, compresslevel, filename)
    else:
        raise TypeError('filename must be a str or bytes object, or a file')
    if text:
        return io.TextIOWrapper(binary, encoding, errors, newline)
    return binary


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """The gzip file, as bytes, holding [data] in one member."""
    if mtime is None:
        mtime = time.time()
    if mtime == 0:
        # zlib writes the same member itself (with OS byte 3), as CPython does.
        return zlib.compress(data, compresslevel, 16 + zlib.MAX_WBITS)
    body = zlib.compress(data, compresslevel, -zlib.MAX_WBITS)
    return b''.join((_member_header(compresslevel, mtime), body,
                     _member_trailer(zlib.crc32(data), memoryview(data).nbytes)))


def decompress(data):
    """The uncompressed bytes of every member of the gzip data [data]."""
    reader = _MemberReader(io.BytesIO(data), detailed_crc=False)
    parts = []
    while True:
        piece = reader.read(-1, max(len(data), 1))
        if not piece:
            return b''.join(parts)
        parts.append(piece)
