"""signal: handlers for asynchronous events, with CPython's enums.

Design notes
------------
_signal (src/mod/signal.c) does the work: it installs the C handler,
records arrivals, and runs Python handlers in the main thread between
bytecodes, as CPython does.  It speaks plain ints.  This module re-exports
it and adds the three IntEnums CPython's signal module has:

* Signals: every SIGxxx number (SIGINT prints as <Signals.SIGINT: 2>);
* Handlers: SIG_DFL and SIG_IGN;
* Sigmasks: SIG_BLOCK, SIG_UNBLOCK and SIG_SETMASK.

The module-level constants are replaced by those members, and signal(),
getsignal() and valid_signals() hand back members where a number has one.
A few signal numbers have two names (SIGIOT is SIGABRT on Linux); the
enum's member takes the usual name and the other becomes its alias.

Left out: nothing of _signal's API; functions other than the four below
(pthread_sigmask, sigwait, ...) return plain ints.
"""

import _signal
from _signal import *
import enum as _enum

# Second names for a number; the enum member carries the other name.
_ALIASES = ('SIGIOT', 'SIGPOLL')


def _signal_pairs():
    # (name, number) for every SIGxxx constant: ordered by number, and at
    # one number the usual name ahead of the alias, so the alias is the one
    # the enum folds into the member.
    names = [key for key in dir(_signal)
             if key.startswith('SIG') and key.isupper() and not key.startswith('SIG_')]
    names.sort(key=lambda key: (key in _ALIASES, getattr(_signal, key), key))
    return [(key, getattr(_signal, key)) for key in names]


def _make_enum(enum_name, pairs):
    made = _enum.IntEnum(enum_name, pairs, module=__name__)
    globals().update(made.__members__)
    return made


Signals = _make_enum('Signals', _signal_pairs())
Handlers = _make_enum('Handlers', [(key, getattr(_signal, key))
                                   for key in ('SIG_DFL', 'SIG_IGN')])
Sigmasks = _make_enum('Sigmasks', [(key, getattr(_signal, key))
                                   for key in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK')])


def _as_member(enum_cls, value):
    # A member of [enum_cls] when [value] names one; anything else (a
    # Python handler, None, an unknown number) passes through unchanged.
    if isinstance(value, int):
        try:
            return enum_cls(value)
        except ValueError:
            pass
    return value


def _as_number(value):
    # _signal wants plain ints for signals and the SIG_DFL/SIG_IGN handlers.
    return int(value) if isinstance(value, _enum.IntEnum) else value


def signal(signalnum, handler):
    """Set [handler] for [signalnum] and return the previous handler."""
    previous = _signal.signal(_as_number(signalnum), _as_number(handler))
    return _as_member(Handlers, previous)


def getsignal(signalnum):
    """The handler currently set for [signalnum]."""
    return _as_member(Handlers, _signal.getsignal(_as_number(signalnum)))


def strsignal(signalnum):
    """The system's description of [signalnum], or None."""
    return _signal.strsignal(_as_number(signalnum))


def valid_signals():
    """The set of signal numbers this platform knows, as Signals."""
    return {_as_member(Signals, number) for number in _signal.valid_signals()}
