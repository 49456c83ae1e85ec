"""Keyed-hash message authentication (RFC 2104) on top of hashlib.

Design notes
------------
HMAC(K, m) = H((K' ^ opad) || H((K' ^ ipad) || m)), where K' is the key
padded with zeros to the digest's block size (hashed first when longer).
An HMAC object keeps the two running hash objects, already fed with their
padded keys, so update() only feeds the inner one and digest() finishes
copies of both.  compare_digest() is the constant-time comparison of
_hashlib.
"""

import hashlib as _hashlib_module
from _hashlib import compare_digest

__all__ = ['HMAC', 'new', 'compare_digest', 'digest', 'digest_size']

digest_size = None

_INNER = bytes(b ^ 0x36 for b in range(256))
_OUTER = bytes(b ^ 0x5C for b in range(256))


def _make_hash(digestmod):
    """A zero-argument factory of hash objects for [digestmod]: a name, a
    constructor, or a module with new()."""
    if not digestmod:
        raise TypeError("Missing required parameter 'digestmod'.")
    if isinstance(digestmod, str):
        return lambda data=b'': _hashlib_module.new(digestmod, data)
    if callable(digestmod):
        return digestmod
    return digestmod.new


class HMAC:
    """A running HMAC computation (see the module notes)."""

    blocksize = 64

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r"
                            % type(key).__name__)
        factory = _make_hash(digestmod)
        self._inner = factory()
        self._outer = factory()
        self.digest_size = self._inner.digest_size
        block = getattr(self._inner, 'block_size', None)
        if block is None or block < 16:
            block = self.blocksize
        self.block_size = block
        if len(key) > block:
            key = factory(key).digest()
        key = bytes(key).ljust(block, b'\0')
        self._inner.update(key.translate(_INNER))
        self._outer.update(key.translate(_OUTER))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return 'hmac-' + self._inner.name

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        other = HMAC.__new__(HMAC)
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _finished(self):
        outer = self._outer.copy()
        outer.update(self._inner.digest())
        return outer

    def digest(self):
        return self._finished().digest()

    def hexdigest(self):
        return self._finished().hexdigest()


def new(key, msg=None, digestmod=''):
    """A new HMAC object keyed with [key], fed with [msg] if given."""
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The HMAC of [msg] under [key] with hash [digest], in one call."""
    return HMAC(key, msg, digest).digest()
