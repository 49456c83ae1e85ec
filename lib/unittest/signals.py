"""Control-C handling for test runs (the -c / --catch option).

Design notes
------------
With the handler installed, the first SIGINT does not kill the run: it
asks every registered result to stop after the current test, so the
report of what ran so far is still printed.  A second SIGINT goes to the
handler that was installed before ours, normally raising
KeyboardInterrupt.  Results are kept in a WeakKeyDictionary so that
registering one does not keep it alive.

removeHandler() puts the earlier handler back; used as a decorator it
does so only around the call of the decorated function.
"""

import functools
import signal
import weakref

__unittest = True

_results = weakref.WeakKeyDictionary()
_handler = None


class _InterruptHandler:
    # Installed for SIGINT; remembers the handler it replaced.

    def __init__(self, previous):
        self.called = False
        self.previous = previous
        if isinstance(previous, int):
            if previous == signal.SIG_DFL:
                previous = signal.default_int_handler
            elif previous == signal.SIG_IGN:
                previous = lambda signum, frame: None
            else:
                raise TypeError('expected SIGINT signal handler to be '
                                'signal.SIG_IGN, signal.SIG_DFL, or a '
                                'callable object')
        self.fallback = previous

    def __call__(self, signum, frame):
        current = signal.getsignal(signal.SIGINT)
        if current is not self:
            # Someone replaced us: behave as the old handler would.
            self.fallback(signum, frame)
            return
        if self.called:
            self.fallback(signum, frame)
        self.called = True
        for result in list(_results.keys()):
            result.stop()


def registerResult(result):
    """Let a SIGINT stop the run that reports to [result]."""
    _results[result] = 1


def removeResult(result):
    """Forget [result]; true if it was registered."""
    return _results.pop(result, None) is not None


def installHandler():
    """Install the SIGINT handler, once."""
    global _handler
    if _handler is None:
        previous = signal.getsignal(signal.SIGINT)
        _handler = _InterruptHandler(previous)
        signal.signal(signal.SIGINT, _handler)


def removeHandler(method=None):
    """Put back the SIGINT handler that was there before ours."""
    if method is not None:
        @functools.wraps(method)
        def without_handler(*args, **kwargs):
            saved = signal.getsignal(signal.SIGINT)
            removeHandler()
            try:
                return method(*args, **kwargs)
            finally:
                signal.signal(signal.SIGINT, saved)
        return without_handler
    global _handler
    if _handler is not None:
        signal.signal(signal.SIGINT, _handler.previous)
        _handler = None
