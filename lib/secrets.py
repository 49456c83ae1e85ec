"""Random numbers fit for secrets (tokens, passwords, keys), drawn from the
operating system's generator through os.urandom()."""

import base64
import binascii
import os

from _hashlib import compare_digest

__all__ = ['choice', 'randbelow', 'randbits', 'SystemRandom',
           'token_bytes', 'token_hex', 'token_urlsafe', 'compare_digest']

DEFAULT_ENTROPY = 32  # bytes, when a token's size is not given


def randbits(k):
    """A non-negative int of [k] random bits."""
    if k < 0:
        raise ValueError('number of bits must be non-negative')
    if k == 0:
        return 0
    value = int.from_bytes(os.urandom((k + 7) // 8), 'big')
    return value >> ((k + 7) // 8 * 8 - k)


def randbelow(exclusive_upper_bound):
    """A random int in [0, n), without the bias of a modulo."""
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    bits = exclusive_upper_bound.bit_length()
    while True:
        candidate = randbits(bits)
        if candidate < exclusive_upper_bound:
            return candidate


def choice(seq):
    """A random element of the non-empty sequence [seq]."""
    if not seq:
        raise IndexError('Cannot choose from an empty sequence')
    return seq[randbelow(len(seq))]


class SystemRandom:
    """The few random.Random methods secrets users reach for, on
    os.urandom()."""

    def random(self):
        return randbits(53) / (1 << 53)

    def getrandbits(self, k):
        return randbits(k)

    def randrange(self, start, stop=None):
        if stop is None:
            return randbelow(start)
        return start + randbelow(stop - start)

    def randint(self, a, b):
        return a + randbelow(b - a + 1)

    def choice(self, seq):
        return choice(seq)

    def shuffle(self, x):
        for i in range(len(x) - 1, 0, -1):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k):
        pool = list(population)
        if not 0 <= k <= len(pool):
            raise ValueError("Sample larger than population or is negative")
        self.shuffle(pool)
        return pool[:k]


def token_bytes(nbytes=None):
    """[nbytes] random bytes (DEFAULT_ENTROPY when None)."""
    return os.urandom(DEFAULT_ENTROPY if nbytes is None else nbytes)


def token_hex(nbytes=None):
    """A random text token of [nbytes] bytes as hex digits."""
    return binascii.hexlify(token_bytes(nbytes)).decode('ascii')


def token_urlsafe(nbytes=None):
    """A random URL-safe text token of [nbytes] bytes in base64."""
    return base64.urlsafe_b64encode(token_bytes(nbytes)).rstrip(b'=').decode('ascii')
