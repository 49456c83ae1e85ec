"""The exception types asyncio raises.

Design notes
------------
The hierarchy and constructor arguments are those of CPython 3.11, because
user code catches these by class and reads their attributes:
CancelledError derives from BaseException (so that `except Exception` does
not swallow a cancellation), and asyncio.TimeoutError is the builtin
TimeoutError itself. The two stream errors carry the data a caller needs to
recover: what was read so far, or how far the buffer was searched.
The C parts of asyncio look these classes up here by name.
"""

__all__ = ('BrokenBarrierError', 'CancelledError', 'InvalidStateError', 'TimeoutError',
           'IncompleteReadError', 'LimitOverrunError', 'SendfileNotAvailableError')

TimeoutError = TimeoutError


class CancelledError(BaseException):
    """A task or future was cancelled."""


class InvalidStateError(Exception):
    """A future was asked for something its state does not allow
    (a result before it is done, a second result...)."""


class SendfileNotAvailableError(RuntimeError):
    """sendfile() cannot be used for this transport or file."""


class BrokenBarrierError(RuntimeError):
    """A barrier was aborted or reset while tasks waited on it."""


class IncompleteReadError(EOFError):
    """The stream ended before the requested bytes arrived.

    [partial] holds the bytes that did arrive; [expected] is the count asked
    for, or None when reading up to a separator."""

    def __init__(self, partial, expected):
        wanted = 'undefined' if expected is None else repr(expected)
        EOFError.__init__(self, f'{len(partial)} bytes read on a total of {wanted} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    """A separator search went past the stream's buffer limit; [consumed] is
    how many bytes the caller should drop to get past the offending data."""

    def __init__(self, message, consumed):
        Exception.__init__(self, message)
        self.consumed = consumed
