"""zipfile: reading and writing ZIP archives.

Design notes
------------
A ZIP archive is a run of members, each a local header followed by its
(possibly compressed) bytes, then a central directory that repeats every
header with the member's offset, then an end record that says where the
central directory starts. Readers trust the central directory: ZipFile
finds the end record by scanning back from the end of the file (it may be
followed by an archive comment of up to 64 KiB), reads the directory into
ZipInfo objects, and only touches a member's local header when the member
is opened. Bytes prepended to an archive (a self-extracting stub) are
allowed for by comparing where the directory claims to be with where it is.

Writers append members at `_start_dir`, where the directory will go, and
write the directory and end record when the archive is closed. A member
opened for writing gets its local header first; once its bytes are written
the header is rewritten in place with the real CRC and sizes, or, on a
stream that cannot seek back, followed by a data descriptor (flag bit 3).
The bytes produced match CPython's zipfile for the same inputs: version 2.0
headers, Unix as the creating system, UTF-8 names flagged with bit 11 and
ASCII names unflagged, raw deflate at zlib's default level.

ZIP64 records are read, and written when an archive outgrows the 32-bit
fields. Stored and deflated members are supported; bzip2 and LZMA need
modules gilpy lacks, and encrypted members are refused.

Members may be open for reading several at a time: each reader remembers
its own position in the shared file and seeks there before every read.
"""

import binascii
import io
import os
import shutil
import stat
import struct
import sys
import threading
import time
import zlib

__all__ = [
    'BadZipFile', 'BadZipfile', 'error', 'ZIP_STORED', 'ZIP_DEFLATED', 'ZIP_BZIP2',
    'ZIP_LZMA', 'is_zipfile', 'ZipInfo', 'ZipFile', 'PyZipFile', 'LargeZipFile',
]


class BadZipFile(Exception):
    """The data is not a valid ZIP archive (or member)."""


class LargeZipFile(Exception):
    """The archive would need ZIP64 records, which were not allowed."""


error = BadZipfile = BadZipFile

ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14

ZIP64_LIMIT = (1 << 31) - 1
ZIP_FILECOUNT_LIMIT = (1 << 16) - 1
ZIP_MAX_COMMENT = (1 << 16) - 1

DEFAULT_VERSION = 20
ZIP64_VERSION = 45
MAX_EXTRACT_VERSION = 63

_METHOD_NAMES = {ZIP_STORED: 'store', ZIP_DEFLATED: 'deflate', ZIP_BZIP2: 'bzip2',
                 ZIP_LZMA: 'lzma'}

# Record layouts (little-endian), each with its signature.
_LOCAL = struct.Struct('<4s2B4HL2L2H')
_LOCAL_SIG = b'PK\x03\x04'
_CENTRAL = struct.Struct('<4s4B4HL2L5H2L')
_CENTRAL_SIG = b'PK\x01\x02'
_END = struct.Struct('<4s4H2LH')
_END_SIG = b'PK\x05\x06'
_END64 = struct.Struct('<4sQ2H2L4Q')
_END64_SIG = b'PK\x06\x06'
_END64_LOCATOR = struct.Struct('<4sLQL')
_END64_LOCATOR_SIG = b'PK\x06\x07'
_DESCRIPTOR = struct.Struct('<4sLLL')
_DESCRIPTOR_SIG = b'PK\x07\x08'

_FLAG_ENCRYPTED = 0x01
_FLAG_DESCRIPTOR = 0x08
_FLAG_UTF8 = 0x800
_ZIP64_EXTRA_ID = 1

# The upper half of code page 437, the encoding of unflagged names.
_CP437_HIGH = (
    '\xc7\xfc\xe9\xe2\xe4\xe0\xe5\xe7\xea\xeb\xe8\xef\xee\xec\xc4\xc5\xc9\xe6\xc6\xf4'
    '\xf6\xf2\xfb\xf9\xff\xd6\xdc\xa2\xa3\xa5\u20a7\u0192\xe1\xed\xf3\xfa\xf1\xd1\xaa'
    '\xba\xbf\u2310\xac\xbd\xbc\xa1\xab\xbb\u2591\u2592\u2593\u2502\u2524\u2561\u2562'
    '\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510\u2514\u2534\u252c\u251c'
    '\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567\u2568'
    '\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c'
    '\u2590\u2580\u03b1\xdf\u0393\u03c0\u03a3\u03c3\xb5\u03c4\u03a6\u0398\u03a9\u03b4'
    '\u221e\u03c6\u03b5\u2229\u2261\xb1\u2265\u2264\u2320\u2321\xf7\u2248\xb0\u2219'
    '\xb7\u221a\u207f\xb2\u25a0\xa0'
)


def _decode_name(raw, flags, encoding):
    if flags & _FLAG_UTF8:
        return raw.decode('utf-8')
    if encoding:
        return raw.decode(encoding)
    return ''.join(chr(b) if b < 0x80 else _CP437_HIGH[b - 0x80] for b in raw)


def _check_method(method):
    if method in (ZIP_STORED, ZIP_DEFLATED):
        return
    if method == ZIP_BZIP2:
        raise RuntimeError('Compression requires the (missing) bz2 module')
    if method == ZIP_LZMA:
        raise RuntimeError('Compression requires the (missing) lzma module')
    raise NotImplementedError('That compression method is not supported')


def _dos_stamp(date_time):
    year, month, day, hour, minute, second = date_time[:6]
    return ((hour << 11) | (minute << 5) | (second // 2),
            ((year - 1980) << 9) | (month << 5) | day)


def _without_extra(extra, ids):
    """[extra] with the fields whose header id is in [ids] removed."""
    kept = []
    at = 0
    while at + 4 <= len(extra):
        field_id, size = struct.unpack('<HH', extra[at:at + 4])
        end = at + 4 + size
        if field_id not in ids:
            kept.append(extra[at:end])
        at = end
    return b''.join(kept) + extra[at:]


class ZipInfo:
    """What the archive records about one member."""

    def __init__(self, filename='NoName', date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        # A NUL ends the name, as some archivers pad with them.
        cut = filename.find('\0')
        if cut >= 0:
            filename = filename[:cut]
        if os.sep != '/' and os.sep in filename:
            filename = filename.replace(os.sep, '/')
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError('ZIP does not support timestamps before 1980')
        self.compress_type = ZIP_STORED
        self._compresslevel = None
        self.comment = b''
        self.extra = b''
        self.create_system = 0 if sys.platform == 'win32' else 3
        self.create_version = DEFAULT_VERSION
        self.extract_version = DEFAULT_VERSION
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.compress_size = 0
        self.file_size = 0
        self.header_offset = 0
        self.CRC = 0
        self._end_offset = None

    def __repr__(self):
        text = [f'<{type(self).__name__} filename={self.filename!r}']
        if self.compress_type != ZIP_STORED:
            text.append(' compress_type=%s' % _METHOD_NAMES.get(self.compress_type,
                                                                  self.compress_type))
        mode_bits = self.external_attr >> 16
        dos_bits = self.external_attr & 0xFFFF
        if mode_bits:
            text.append(' filemode=%r' % stat.filemode(mode_bits))
        if dos_bits:
            text.append(' external_attr=%#x' % dos_bits)
        directory = self.is_dir()
        if not directory or self.file_size:
            text.append(' file_size=%r' % self.file_size)
        if ((not directory or self.compress_size) and
                (self.compress_type != ZIP_STORED or self.file_size != self.compress_size)):
            text.append(' compress_size=%r' % self.compress_size)
        text.append('>')
        return ''.join(text)

    def is_dir(self):
        """True for a directory entry (a name ending in '/')."""
        return self.filename.endswith('/')

    def _name_bytes(self):
        """The encoded name and the flag bits to record with it."""
        try:
            return self.filename.encode('ascii'), self.flag_bits
        except UnicodeEncodeError:
            return self.filename.encode('utf-8'), self.flag_bits | _FLAG_UTF8

    def FileHeader(self, zip64=None):
        """The local header record of this member."""
        dostime, dosdate = _dos_stamp(self.date_time)
        if self.flag_bits & _FLAG_DESCRIPTOR:
            crc = compress_size = file_size = 0
        else:
            crc, compress_size, file_size = self.CRC, self.compress_size, self.file_size
        extra = self.extra
        needed = 0
        if zip64 is None:
            zip64 = file_size > ZIP64_LIMIT or compress_size > ZIP64_LIMIT
        if zip64:
            extra = extra + struct.pack('<HHQQ', _ZIP64_EXTRA_ID, 16, file_size, compress_size)
        if file_size > ZIP64_LIMIT or compress_size > ZIP64_LIMIT:
            if not zip64:
                raise LargeZipFile('Filesize would require ZIP64 extensions')
            file_size = compress_size = 0xFFFFFFFF
        if zip64:
            needed = ZIP64_VERSION
        self.extract_version = max(needed, self.extract_version)
        self.create_version = max(needed, self.create_version)
        name, flags = self._name_bytes()
        header = _LOCAL.pack(_LOCAL_SIG, self.extract_version, self.reserved, flags,
                             self.compress_type, dostime, dosdate, crc, compress_size,
                             file_size, len(name), len(extra))
        return header + name + extra

    def _apply_zip64_extra(self):
        """Replaces the 0xFFFFFFFF placeholders with the ZIP64 extra field's
        values, which come in a fixed order for the fields that need them."""
        extra = self.extra
        at = 0
        while at + 4 <= len(extra):
            field_id, size = struct.unpack('<HH', extra[at:at + 4])
            if at + 4 + size > len(extra):
                raise BadZipFile(f'Corrupt extra field {field_id:04x} (size={size})')
            if field_id == _ZIP64_EXTRA_ID:
                data = extra[at + 4:at + 4 + size]
                for attr in ('file_size', 'compress_size', 'header_offset'):
                    if getattr(self, attr) == 0xFFFFFFFF:
                        if len(data) < 8:
                            raise BadZipFile(f'Corrupt zip64 extra field. {attr} not found.')
                        setattr(self, attr, struct.unpack('<Q', data[:8])[0])
                        data = data[8:]
            at += 4 + size

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        """A ZipInfo describing the file [filename], named [arcname] (the
        file's path without drive or leading slashes by default)."""
        filename = os.fspath(filename)
        st = os.stat(filename)
        is_directory = stat.S_ISDIR(st.st_mode)
        stamp = time.localtime(st.st_mtime)[:6]
        if not strict_timestamps:
            if stamp[0] < 1980:
                stamp = (1980, 1, 1, 0, 0, 0)
            elif stamp[0] > 2107:
                stamp = (2107, 12, 31, 23, 59, 59)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(os.path.splitdrive(arcname)[1])
        arcname = arcname.lstrip(os.sep + (os.altsep or ''))
        if is_directory:
            arcname += '/'
        info = cls(arcname, stamp)
        info.external_attr = (st.st_mode & 0xFFFF) << 16
        if is_directory:
            info.file_size = 0
            info.external_attr |= 0x10
        else:
            info.file_size = st.st_size
        return info


def _find_end_records(fp):
    """The end-of-central-directory values of the archive in [fp] as a dict,
    or None when there is none."""
    fp.seek(0, 2)
    size = fp.tell()
    if size < _END.size:
        return None
    # The common case first: no archive comment.
    fp.seek(size - _END.size)
    tail = fp.read()
    position = size - _END.size
    if not (tail[:4] == _END_SIG and tail[-2:] == b'\0\0'):
        start = max(size - ZIP_MAX_COMMENT - _END.size, 0)
        fp.seek(start)
        tail = fp.read()
        found = tail.rfind(_END_SIG)
        if found < 0 or found + _END.size > len(tail):
            return None
        position = start + found
        tail = tail[found:]
    fields = _END.unpack(tail[:_END.size])
    comment = tail[_END.size:_END.size + fields[7]]
    record = {'entries': fields[4], 'size': fields[5], 'offset': fields[6],
              'comment': comment, 'position': position, 'zip64': False}
    if fields[1] != 0 or fields[2] != 0:
        raise BadZipFile('zipfiles that span multiple disks are not supported')
    locator_at = position - _END64_LOCATOR.size
    if locator_at >= 0:
        fp.seek(locator_at)
        locator = fp.read(_END64_LOCATOR.size)
        if len(locator) == _END64_LOCATOR.size and locator[:4] == _END64_LOCATOR_SIG:
            _, disk, _, disks = _END64_LOCATOR.unpack(locator)
            if disk != 0 or disks > 1:
                raise BadZipFile('zipfiles that span multiple disks are not supported')
            fp.seek(locator_at - _END64.size)
            big = fp.read(_END64.size)
            if len(big) == _END64.size and big[:4] == _END64_SIG:
                values = _END64.unpack(big)
                record.update(entries=values[7], size=values[8], offset=values[9],
                              zip64=True, position=locator_at - _END64.size)
    return record


def _is_zipfile_object(fp):
    try:
        return _find_end_records(fp) is not None
    except (OSError, BadZipFile):
        return False


def is_zipfile(filename):
    """Whether [filename] (a path or binary file object) holds a ZIP archive,
    judged by its end record."""
    try:
        if hasattr(filename, 'read'):
            return _is_zipfile_object(filename)
        with open(filename, 'rb') as fp:
            return _is_zipfile_object(fp)
    except OSError:
        return False


class ZipExtFile(io.BufferedIOBase):
    """A member opened for reading: its bytes, decompressed as they are read,
    and checked against the recorded CRC at the end."""

    _CHUNK = 1 << 16

    def __init__(self, fileobj, mode, zipinfo, pwd=None, close_fileobj=False,
                 *, _archive=None, _data_start=0):
        self._fileobj = fileobj
        self._archive = _archive
        self._close_fileobj = close_fileobj
        self.mode = mode
        self.name = zipinfo.filename
        self._info = zipinfo
        self._data_start = _data_start
        self._raw_position = _data_start
        self._raw_left = zipinfo.compress_size
        self._decompressor = (zlib.decompressobj(-15)
                              if zipinfo.compress_type == ZIP_DEFLATED else None)
        self._buffer = b''
        self._crc = 0
        self._produced = 0
        self._eof = False

    def __repr__(self):
        state = ' [closed]' if self.closed else ''
        method = _METHOD_NAMES.get(self._info.compress_type, self._info.compress_type)
        return (f'<zipfile.ZipExtFile name={self.name!r} mode={self.mode!r}'
                f' compress_type={method}>' if not self.closed
                else f'<zipfile.ZipExtFile{state}>')

    def readable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return self._fileobj.seekable()

    def _check_open(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    def _take_raw(self, size):
        size = min(size, self._raw_left)
        if size <= 0:
            return b''
        lock = self._archive._lock if self._archive is not None else None
        if lock is not None:
            lock.acquire()
        try:
            self._fileobj.seek(self._raw_position)
            data = self._fileobj.read(size)
        finally:
            if lock is not None:
                lock.release()
        if not data:
            raise EOFError
        self._raw_position += len(data)
        self._raw_left -= len(data)
        return data

    def _produce(self):
        """Decompresses one more chunk into the buffer; False at the end."""
        if self._eof:
            return False
        raw = self._take_raw(self._CHUNK)
        if self._decompressor is None:
            data = raw
        else:
            data = self._decompressor.decompress(raw)
            if not self._raw_left:
                data += self._decompressor.flush()
        if data:
            self._crc = zlib.crc32(data, self._crc)
            self._produced += len(data)
            self._buffer += data
        if not self._raw_left or (self._decompressor is not None and self._decompressor.eof):
            self._eof = True
            if self._produced != self._info.file_size and self._decompressor is not None \
                    and not self._decompressor.eof:
                raise EOFError
            if self._crc != self._info.CRC:
                raise BadZipFile('Bad CRC-32 for file %r' % self.name)
        return True

    def read(self, n=-1):
        self._check_open()
        if n is None or n < 0:
            while self._produce():
                pass
            data, self._buffer = self._buffer, b''
            return data
        while len(self._buffer) < n and self._produce():
            pass
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        return data

    def read1(self, n=-1):
        self._check_open()
        if n is None or n < 0:
            n = self._CHUNK
        while not self._buffer and self._produce():
            pass
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        return data

    def peek(self, n=1):
        self._check_open()
        while len(self._buffer) < n and self._produce():
            pass
        return self._buffer[:max(n, 512)]

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, limit=-1):
        self._check_open()
        while b'\n' not in self._buffer and (limit < 0 or len(self._buffer) < limit):
            if not self._produce():
                break
        end = self._buffer.find(b'\n') + 1 or len(self._buffer)
        if 0 <= limit < end:
            end = limit
        line, self._buffer = self._buffer[:end], self._buffer[end:]
        return line

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        return list(self)

    def tell(self):
        self._check_open()
        return self._produced - len(self._buffer)

    def seek(self, offset, whence=0):
        self._check_open()
        if not self._fileobj.seekable():
            raise io.UnsupportedOperation('underlying stream is not seekable')
        current = self.tell()
        if whence == 0:
            target = offset
        elif whence == 1:
            target = current + offset
        elif whence == 2:
            target = self._info.file_size + offset
        else:
            raise ValueError('whence must be os.SEEK_SET (0), os.SEEK_CUR (1), or '
                             'os.SEEK_END (2)')
        target = max(0, min(target, self._info.file_size))
        if target < current:
            # Going back means decompressing again from the start.
            self.__init__(self._fileobj, self.mode, self._info, None, self._close_fileobj,
                          _archive=self._archive, _data_start=self._data_start)
            current = 0
        self.read(target - current)
        return self.tell()

    def close(self):
        try:
            if self._close_fileobj:
                self._fileobj.close()
        finally:
            super().close()


class _ZipWriteFile(io.BufferedIOBase):
    """A member opened for writing: compresses what it is given and settles
    the member's header when closed."""

    def __init__(self, archive, zinfo, zip64):
        self._archive = archive
        self._zinfo = zinfo
        self._zip64 = zip64
        self._fileobj = archive.fp
        if zinfo.compress_type == ZIP_DEFLATED:
            level = zinfo._compresslevel
            self._compressor = zlib.compressobj(
                zlib.Z_DEFAULT_COMPRESSION if level is None else level, zlib.DEFLATED, -15)
        else:
            self._compressor = None
        self._file_size = 0
        self._compress_size = 0
        self._crc = 0

    def writable(self):
        return True

    def write(self, data):
        if self.closed:
            raise ValueError('I/O operation on closed file.')
        if isinstance(data, (bytes, bytearray)):
            size = len(data)
        else:
            data = memoryview(data)
            size = data.nbytes
        self._file_size += size
        self._crc = zlib.crc32(data, self._crc)
        if self._compressor is not None:
            data = self._compressor.compress(data)
        self._compress_size += len(data)
        self._fileobj.write(data)
        return size

    def close(self):
        if self.closed:
            return
        try:
            super().close()
            if self._compressor is not None:
                tail = self._compressor.flush()
                self._compress_size += len(tail)
                self._fileobj.write(tail)
            info = self._zinfo
            info.compress_size = self._compress_size
            info.file_size = self._file_size
            info.CRC = self._crc
            if info.flag_bits & _FLAG_DESCRIPTOR:
                self._fileobj.write(_DESCRIPTOR.pack(_DESCRIPTOR_SIG, info.CRC,
                                                     info.compress_size, info.file_size))
                self._archive._start_dir = self._fileobj.tell()
            else:
                if not self._zip64:
                    if self._file_size > ZIP64_LIMIT:
                        raise RuntimeError('File size too large, try using force_zip64')
                    if self._compress_size > ZIP64_LIMIT:
                        raise RuntimeError('Compressed size too large, try using force_zip64')
                self._archive._start_dir = self._fileobj.tell()
                self._fileobj.seek(info.header_offset)
                self._fileobj.write(info.FileHeader(self._zip64))
                self._fileobj.seek(self._archive._start_dir)
            self._archive.filelist.append(info)
            self._archive.NameToInfo[info.filename] = info
        finally:
            self._archive._writing = False


class _CountingWriter:
    """Wraps a stream that cannot tell() its position, counting the bytes
    written so that member offsets are still known."""

    def __init__(self, stream):
        self._stream = stream
        self._written = 0

    def write(self, data):
        count = self._stream.write(data)
        self._written += len(data)
        return count

    def tell(self):
        return self._written

    def flush(self):
        self._stream.flush()

    def close(self):
        self._stream.close()


class ZipFile:
    """A ZIP archive opened for reading ('r'), writing a new one ('w', or
    'x' to refuse an existing file) or adding to one ('a').

    [file] is a path or a binary file object. [compression] and
    [compresslevel] are the defaults for members written later."""

    fp = None
    _windows_illegal_name_trans_table = None

    def __init__(self, file, mode='r', compression=ZIP_STORED, allowZip64=True,
                 compresslevel=None, *, strict_timestamps=True, metadata_encoding=None):
        if mode not in ('r', 'w', 'x', 'a'):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        _check_method(compression)
        if metadata_encoding and mode != 'r':
            raise ValueError('metadata_encoding is only supported for reading files')
        self._allowZip64 = allowZip64
        self._didModify = False
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self.compression = compression
        self.compresslevel = compresslevel
        self.mode = mode
        self.pwd = None
        self._comment = b''
        self._strict_timestamps = strict_timestamps
        self.metadata_encoding = metadata_encoding
        self._writing = False
        self._lock = threading.RLock()
        self._start_dir = 0

        if isinstance(file, os.PathLike):
            file = os.fspath(file)
        if isinstance(file, str):
            self._filePassed = False
            self.filename = file
            open_modes = {'r': 'rb', 'w': 'w+b', 'x': 'x+b', 'a': 'r+b'}
            try:
                self.fp = io.open(file, open_modes[mode])
            except FileNotFoundError:
                if mode != 'a':
                    raise
                # Appending to a file that does not exist creates it.
                self.fp = io.open(file, 'w+b')
                mode = 'w'
                self.mode = 'w'
        else:
            self._filePassed = True
            self.fp = file
            self.filename = getattr(file, 'name', None)
        try:
            self._seekable = True
            if mode == 'r':
                self._read_directory()
            elif mode in ('w', 'x'):
                self._didModify = True
                try:
                    self._start_dir = self.fp.tell()
                except (AttributeError, OSError):
                    # A pipe or socket: count the bytes ourselves.
                    self.fp = _CountingWriter(self.fp)
                    self._seekable = False
                    self._start_dir = 0
                else:
                    try:
                        self.fp.seek(self._start_dir)
                    except (AttributeError, OSError):
                        self._seekable = False
            else:
                try:
                    self._read_directory()
                    # New members overwrite the old central directory,
                    # which is written again, extended, on close.
                    self.fp.seek(self._start_dir)
                except BadZipFile:
                    # Not an archive yet: the new archive goes after the
                    # existing bytes.
                    self.fp.seek(0, 2)
                    self._didModify = True
                    self._start_dir = self.fp.tell()
        except BaseException:
            fp = self.fp
            self.fp = None
            if not self._filePassed:
                fp.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()

    def __repr__(self):
        text = f'<{type(self).__module__}.{type(self).__qualname__}'
        if self.fp is None:
            return text + ' [closed]>'
        if self._filePassed:
            text += ' file=%r' % self.fp
        elif self.filename is not None:
            text += ' filename=%r' % self.filename
        return text + ' mode=%r>' % self.mode

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    # Reading the directory ------------------------------------------------

    def _read_directory(self):
        fp = self.fp
        try:
            end = _find_end_records(fp)
        except OSError:
            raise BadZipFile('File is not a zip file') from None
        if end is None:
            raise BadZipFile('File is not a zip file')
        self._comment = end['comment']
        # Where the directory really is, against where the record says:
        # the difference is whatever was prepended to the archive.
        directory_at = end['position'] - end['size']
        shift = directory_at - end['offset']
        if shift < 0:
            raise BadZipFile('Bad offset for central directory')
        self._start_dir = directory_at
        fp.seek(directory_at)
        data = fp.read(end['size'])
        at = 0
        while at < len(data):
            fixed = data[at:at + _CENTRAL.size]
            if len(fixed) != _CENTRAL.size:
                raise BadZipFile('Truncated central directory')
            fields = _CENTRAL.unpack(fixed)
            if fields[0] != _CENTRAL_SIG:
                raise BadZipFile('Bad magic number for central directory')
            at += _CENTRAL.size
            name_len, extra_len, comment_len = fields[12], fields[13], fields[14]
            raw_name = data[at:at + name_len]
            at += name_len
            flags = fields[5]
            info = ZipInfo(_decode_name(raw_name, flags, self.metadata_encoding))
            info.extra = data[at:at + extra_len]
            at += extra_len
            info.comment = data[at:at + comment_len]
            at += comment_len
            info.header_offset = fields[18]
            (info.create_version, info.create_system, info.extract_version, info.reserved,
             info.flag_bits, info.compress_type, dostime, dosdate, info.CRC,
             info.compress_size, info.file_size) = fields[1:12]
            info.volume, info.internal_attr, info.external_attr = fields[15:18]
            if info.extract_version > MAX_EXTRACT_VERSION:
                raise NotImplementedError('zip file version %.1f' %
                                          (info.extract_version / 10))
            info.date_time = ((dosdate >> 9) + 1980, (dosdate >> 5) & 0xF, dosdate & 0x1F,
                              dostime >> 11, (dostime >> 5) & 0x3F, (dostime & 0x1F) * 2)
            info._apply_zip64_extra()
            info.header_offset += shift
            self.filelist.append(info)
            self.NameToInfo[info.filename] = info
        # Each member ends where the next one (or the directory) begins.
        ordered = sorted(self.filelist, key=lambda i: i.header_offset)
        for this, after in zip(ordered, ordered[1:] + [None]):
            this._end_offset = after.header_offset if after is not None else directory_at

    # Inspecting ------------------------------------------------------------

    def namelist(self):
        """The member names, in archive order."""
        return [info.filename for info in self.filelist]

    def infolist(self):
        """The members' ZipInfo objects, in archive order."""
        return self.filelist

    def printdir(self, file=None):
        """Prints a table of the members: name, modification time, size."""
        print('%-46s %19s %12s' % ('File Name', 'Modified    ', 'Size'), file=file)
        for info in self.filelist:
            stamp = '%d-%02d-%02d %02d:%02d:%02d' % info.date_time[:6]
            print('%-46s %s %12d' % (info.filename, stamp, info.file_size), file=file)

    def testzip(self):
        """Reads every member; the name of the first damaged one, or None."""
        for info in self.filelist:
            try:
                with self.open(info.filename, 'r') as member:
                    while member.read(1 << 20):
                        pass
            except BadZipFile:
                return info.filename
        return None

    def getinfo(self, name):
        """The ZipInfo of the member [name]; KeyError when there is none."""
        info = self.NameToInfo.get(name)
        if info is None:
            raise KeyError('There is no item named %r in the archive' % name)
        return info

    def setpassword(self, pwd):
        """Stores a default password; gilpy cannot decrypt members."""
        if pwd and not isinstance(pwd, bytes):
            raise TypeError('pwd: expected bytes, got %s' % type(pwd).__name__)
        self.pwd = pwd or None

    @property
    def comment(self):
        """The archive's comment (bytes)."""
        return self._comment

    @comment.setter
    def comment(self, comment):
        if not isinstance(comment, bytes):
            raise TypeError('comment: expected bytes, got %s' % type(comment).__name__)
        if len(comment) > ZIP_MAX_COMMENT:
            import warnings
            warnings.warn('Archive comment is too long; truncating to %d bytes'
                          % ZIP_MAX_COMMENT, stacklevel=2)
            comment = comment[:ZIP_MAX_COMMENT]
        self._comment = comment
        self._didModify = True

    def read(self, name, pwd=None):
        """The (decompressed) bytes of the member [name]."""
        with self.open(name, 'r', pwd) as member:
            return member.read()

    # Opening members ---------------------------------------------------------

    def open(self, name, mode='r', pwd=None, *, force_zip64=False):
        """A file object for the member [name] (a name or ZipInfo): readable
        with mode 'r', or a new member to write with mode 'w'."""
        if mode not in ('r', 'w'):
            raise ValueError('open() requires mode "r" or "w"')
        if pwd and not isinstance(pwd, bytes):
            raise TypeError('pwd: expected bytes, got %s' % type(pwd).__name__)
        if pwd and mode == 'w':
            raise ValueError('pwd is only supported for reading files')
        if not self.fp:
            raise ValueError('Attempt to use ZIP archive that was already closed')
        if isinstance(name, ZipInfo):
            info = name
        elif mode == 'w':
            info = ZipInfo(name)
            info.compress_type = self.compression
            info._compresslevel = self.compresslevel
        else:
            info = self.getinfo(name)
        if mode == 'w':
            return self._open_to_write(info, force_zip64)
        if self._writing:
            raise ValueError("Can't read from the ZIP file while there is an open "
                             "writing handle on it. Close the writing handle before "
                             "trying to read.")
        with self._lock:
            self.fp.seek(info.header_offset)
            fixed = self.fp.read(_LOCAL.size)
            if len(fixed) != _LOCAL.size:
                raise BadZipFile('Truncated file header')
            fields = _LOCAL.unpack(fixed)
            if fields[0] != _LOCAL_SIG:
                raise BadZipFile('Bad magic number for file header')
            raw_name = self.fp.read(fields[10])
            if fields[11]:
                self.fp.read(fields[11])
            data_start = self.fp.tell()
        if info.flag_bits & 0x20:
            raise NotImplementedError('compressed patched data (flag bit 5)')
        if info.flag_bits & 0x40:
            raise NotImplementedError('strong encryption (flag bit 6)')
        local_name = _decode_name(raw_name, fields[3], self.metadata_encoding)
        if local_name != info.orig_filename:
            raise BadZipFile('File name in directory %r and header %r differ.'
                             % (info.orig_filename, local_name))
        if info.flag_bits & _FLAG_ENCRYPTED:
            if not (pwd or self.pwd):
                raise RuntimeError('File %r is encrypted, password required for extraction'
                                   % name)
            raise NotImplementedError('gilpy cannot decrypt ZIP members')
        _check_method(info.compress_type)
        return ZipExtFile(self.fp, mode, info, None, False, _archive=self,
                          _data_start=data_start)

    def _open_to_write(self, info, force_zip64=False):
        if force_zip64 and not self._allowZip64:
            raise ValueError('force_zip64 is True, but allowZip64 was False when opening '
                             'the ZIP file.')
        if self._writing:
            raise ValueError("Can't write to the ZIP file while there is another write "
                             "handle open on it. Close the first handle before opening "
                             "another.")
        info.compress_size = 0
        info.CRC = 0
        info.flag_bits = 0
        if not self._seekable:
            info.flag_bits |= _FLAG_DESCRIPTOR
        if not info.external_attr:
            info.external_attr = 0o600 << 16
        zip64 = self._allowZip64 and (force_zip64 or info.file_size * 1.05 > ZIP64_LIMIT)
        if self._seekable:
            self.fp.seek(self._start_dir)
        info.header_offset = self.fp.tell()
        self._check_writable(info)
        self._didModify = True
        self.fp.write(info.FileHeader(zip64))
        self._writing = True
        return _ZipWriteFile(self, info, zip64)

    # Writing -------------------------------------------------------------------

    def _check_writable(self, info):
        if info.filename in self.NameToInfo:
            import warnings
            warnings.warn('Duplicate name: %r' % info.filename, stacklevel=3)
        if self.mode not in ('w', 'x', 'a'):
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        if not self.fp:
            raise ValueError('Attempt to write ZIP archive that was already closed')
        _check_method(info.compress_type)
        if not self._allowZip64:
            if len(self.filelist) >= ZIP_FILECOUNT_LIMIT:
                raise LargeZipFile('Files count would require ZIP64 extensions')
            if info.file_size > ZIP64_LIMIT:
                raise LargeZipFile('Filesize would require ZIP64 extensions')
            if info.header_offset > ZIP64_LIMIT:
                raise LargeZipFile('Zipfile size would require ZIP64 extensions')

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        """Adds the file or directory [filename] as the member [arcname]."""
        if not self.fp:
            raise ValueError('Attempt to write to ZIP archive that was already closed')
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists")
        info = ZipInfo.from_file(filename, arcname, strict_timestamps=self._strict_timestamps)
        if info.is_dir():
            info.compress_size = 0
            info.CRC = 0
            self.mkdir(info)
            return
        info.compress_type = self.compression if compress_type is None else compress_type
        info._compresslevel = self.compresslevel if compresslevel is None else compresslevel
        with open(filename, 'rb') as source, self.open(info, 'w') as dest:
            shutil.copyfileobj(source, dest, 1024 * 8)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        """Adds a member whose content is [data] (str is UTF-8 encoded)."""
        if isinstance(data, str):
            data = data.encode('utf-8')
        if isinstance(zinfo_or_arcname, ZipInfo):
            info = zinfo_or_arcname
        else:
            info = ZipInfo(zinfo_or_arcname, date_time=time.localtime(time.time())[:6])
            info.compress_type = self.compression
            info._compresslevel = self.compresslevel
            if info.filename.endswith('/'):
                info.external_attr = (0o40775 << 16) | 0x10
            else:
                info.external_attr = 0o600 << 16
        if not self.fp:
            raise ValueError('Attempt to write to ZIP archive that was already closed')
        if self._writing:
            raise ValueError("Can't write to ZIP archive while an open writing handle exists.")
        if compress_type is not None:
            info.compress_type = compress_type
        if compresslevel is not None:
            info._compresslevel = compresslevel
        info.file_size = len(data)
        with self._lock:
            with self.open(info, mode='w') as dest:
                dest.write(data)

    def mkdir(self, zinfo_or_directory_name, mode=511):
        """Adds a directory entry (a name ending in '/')."""
        if isinstance(zinfo_or_directory_name, ZipInfo):
            info = zinfo_or_directory_name
            if not info.is_dir():
                raise ValueError('The given ZipInfo does not describe a directory')
        elif isinstance(zinfo_or_directory_name, str):
            name = zinfo_or_directory_name
            if not name.endswith('/'):
                name += '/'
            info = ZipInfo(name, time.localtime(time.time())[:6])
            info.compress_size = 0
            info.CRC = 0
            info.external_attr = ((0o40000 | mode) & 0xFFFF) << 16
            info.file_size = 0
            info.external_attr |= 0x10
        else:
            raise TypeError('Expected type str or ZipInfo')
        with self._lock:
            if self._seekable:
                self.fp.seek(self._start_dir)
            info.header_offset = self.fp.tell()
            if info.compress_type == ZIP_LZMA:
                info.flag_bits |= 0x02
            self._check_writable(info)
            self._didModify = True
            self.filelist.append(info)
            self.NameToInfo[info.filename] = info
            self.fp.write(info.FileHeader(False))
            self._start_dir = self.fp.tell()

    # Extracting -----------------------------------------------------------------

    def extract(self, member, path=None, pwd=None):
        """Writes the member [member] under the directory [path] (the current
        one by default); returns the path of what was created."""
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        return self._extract_member(member, path, pwd)

    def extractall(self, path=None, members=None, pwd=None):
        """Extracts [members] (all by default) under the directory [path]."""
        if members is None:
            members = self.namelist()
        path = os.getcwd() if path is None else os.fspath(path)
        for member in members:
            self._extract_member(member, path, pwd)

    def _extract_member(self, member, target_dir, pwd):
        info = member if isinstance(member, ZipInfo) else self.getinfo(member)
        # Member names are untrusted: drive letters, empty parts, '.' and
        # '..' are dropped so nothing lands outside [target_dir].
        relative = info.filename.replace('/', os.sep)
        if os.altsep:
            relative = relative.replace(os.altsep, os.sep)
        relative = os.path.splitdrive(relative)[1]
        parts = [p for p in relative.split(os.sep) if p not in ('', os.curdir, os.pardir)]
        target = os.path.normpath(os.path.join(target_dir, os.sep.join(parts)))
        parent = os.path.dirname(target)
        if parent and not os.path.exists(parent):
            os.makedirs(parent)
        if info.is_dir():
            if not os.path.isdir(target):
                os.mkdir(target)
            return target
        with self.open(info, pwd=pwd) as source, open(target, 'wb') as sink:
            shutil.copyfileobj(source, sink)
        return target

    # Closing ----------------------------------------------------------------------

    def close(self):
        """Writes the central directory (when the archive was changed) and
        closes the file unless the caller passed it in."""
        if self.fp is None:
            return
        if self._writing:
            raise ValueError("Can't close the ZIP file while there is an open writing "
                             "handle on it. Close the writing handle before closing the zip.")
        try:
            if self.mode in ('w', 'x', 'a') and self._didModify:
                with self._lock:
                    if self._seekable:
                        self.fp.seek(self._start_dir)
                    self._write_directory()
        finally:
            fp = self.fp
            self.fp = None
            if not self._filePassed:
                fp.close()

    def _write_directory(self):
        fp = self.fp
        directory_at = fp.tell()
        for info in self.filelist:
            dostime, dosdate = _dos_stamp(info.date_time)
            big = []
            file_size, compress_size, offset = info.file_size, info.compress_size, \
                info.header_offset
            if file_size > ZIP64_LIMIT or compress_size > ZIP64_LIMIT:
                big += [file_size, compress_size]
                file_size = compress_size = 0xFFFFFFFF
            if offset > ZIP64_LIMIT:
                big.append(offset)
                offset = 0xFFFFFFFF
            extra = info.extra
            needed = 0
            if big:
                extra = struct.pack('<HH' + 'Q' * len(big), _ZIP64_EXTRA_ID, 8 * len(big),
                                    *big) + _without_extra(extra, (_ZIP64_EXTRA_ID,))
                needed = ZIP64_VERSION
            extract_version = max(needed, info.extract_version)
            create_version = max(needed, info.create_version)
            name, flags = info._name_bytes()
            record = _CENTRAL.pack(_CENTRAL_SIG, create_version, info.create_system,
                                   extract_version, info.reserved, flags, info.compress_type,
                                   dostime, dosdate, info.CRC, compress_size, file_size,
                                   len(name), len(extra), len(info.comment), 0,
                                   info.internal_attr, info.external_attr, offset)
            fp.write(record + name + extra + info.comment)
        directory_end = fp.tell()
        count = len(self.filelist)
        size = directory_end - directory_at
        offset = directory_at
        why = None
        if count > ZIP_FILECOUNT_LIMIT:
            why = 'Files count'
        elif offset > ZIP64_LIMIT:
            why = 'Central directory offset'
        elif size > ZIP64_LIMIT:
            why = 'Central directory size'
        if why is not None:
            if not self._allowZip64:
                raise LargeZipFile(why + ' would require ZIP64 extensions')
            fp.write(_END64.pack(_END64_SIG, 44, 45, 45, 0, 0, count, count, size, offset))
            fp.write(_END64_LOCATOR.pack(_END64_LOCATOR_SIG, 0, directory_end, 1))
            count = min(count, 0xFFFF)
            size = min(size, 0xFFFFFFFF)
            offset = min(offset, 0xFFFFFFFF)
        fp.write(_END.pack(_END_SIG, 0, 0, count, count, size, offset, len(self._comment)))
        fp.write(self._comment)
        if self.mode == 'a':
            fp.truncate()
        fp.flush()


class PyZipFile(ZipFile):
    """A ZipFile that can add Python sources; gilpy has no bytecode, so
    writepy() stores the .py files themselves."""

    def __init__(self, file, mode='r', compression=ZIP_STORED, allowZip64=True,
                 optimize=-1):
        super().__init__(file, mode=mode, compression=compression, allowZip64=allowZip64)
        self._optimize = optimize

    def writepy(self, pathname, basename='', filterfunc=None):
        """Adds the module file, or the package directory's .py files."""
        pathname = os.fspath(pathname)
        if filterfunc is not None and not filterfunc(pathname):
            return
        if os.path.isdir(pathname):
            name = os.path.basename(pathname)
            prefix = f'{basename}/{name}' if basename else name
            for entry in sorted(os.listdir(pathname)):
                full = os.path.join(pathname, entry)
                if os.path.isdir(full) and os.path.isfile(os.path.join(full, '__init__.py')):
                    self.writepy(full, prefix, filterfunc)
                elif entry.endswith('.py'):
                    if filterfunc is None or filterfunc(full):
                        self.write(full, f'{prefix}/{entry}')
        else:
            if not pathname.endswith('.py'):
                raise RuntimeError('Files added with writepy() must end with ".py"')
            leaf = os.path.basename(pathname)
            self.write(pathname, f'{basename}/{leaf}' if basename else leaf)
