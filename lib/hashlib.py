"""Message digests: md5, the SHA-1, SHA-2 and SHA-3 families, SHAKE and
BLAKE2, all computed by OpenSSL's libcrypto through _hashlib
(src/mod/hashlib.c), plus pbkdf2_hmac() and file_digest().

Design notes
------------
Each named constructor (sha256(), md5(), ...) is _hashlib.new() with the
name filled in; they are made in a loop so that a digest the local libcrypto
lacks simply raises ValueError when called, as CPython's constructors do
for a missing algorithm.  blake2b() and blake2s() take only the data here:
OpenSSL's BLAKE2 has no key, salt or digest_size parameters.
"""

import _hashlib

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
           'blake2b', 'blake2s',
           'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
           'shake_128', 'shake_256',
           'new', 'algorithms_guaranteed', 'algorithms_available',
           'pbkdf2_hmac', 'file_digest')

algorithms_guaranteed = frozenset(__all__[:14])
algorithms_available = algorithms_guaranteed | _hashlib._available_names()

new = _hashlib.new
pbkdf2_hmac = _hashlib.pbkdf2_hmac


def _constructor(name):
    def construct(data=b'', *, usedforsecurity=True, string=None):
        if string is not None:
            return _hashlib.new(name, string)
        return _hashlib.new(name, data)
    construct.__name__ = construct.__qualname__ = name
    construct.__doc__ = 'A %s hash object, fed with [data] if given.' % name
    return construct


for _name in algorithms_guaranteed:
    globals()[_name] = _constructor(_name)
del _name


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """The hash object [digest] (a name or a constructor) fed with all of
    binary file [fileobj], read in large blocks."""
    h = new(digest) if isinstance(digest, str) else digest()
    # A raw or buffered binary file that can read into a buffer saves a copy
    # per block; anything else is read block by block.
    if hasattr(fileobj, 'getbuffer'):
        h.update(fileobj.getbuffer())
        return h
    if not hasattr(fileobj, 'readinto'):
        if not hasattr(fileobj, 'read'):
            raise ValueError("'%r' is not a file-like object in binary reading mode." % fileobj)
        # A file-like object with read() alone (gilpy's BytesIO has no
        # readinto()): one bytes object per block.
        while True:
            data = fileobj.read(_bufsize)
            if not data:
                return h
            h.update(data)
    if not (hasattr(fileobj, 'readable') and fileobj.readable()):
        raise ValueError("'%r' is not a file-like object in binary reading mode." % fileobj)
    block = bytearray(_bufsize)
    view = memoryview(block)
    while True:
        n = fileobj.readinto(block)
        if not n:
            break
        h.update(view[:n])
    return h
