"""signal: set handlers for asynchronous events (CPython's API).

The C part is _signal (src/mod/signal.c); this module turns its numbers
into the enums CPython's signal module exposes: Signals (SIGINT is
<Signals.SIGINT: 2>), Handlers (SIG_DFL, SIG_IGN) and Sigmasks. Python
handlers run in the main thread, between bytecodes, as in CPython.
"""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum

_names = [name for name in dir(_signal)
          if name.isupper() and name.startswith('SIG') and not name.startswith('SIG_')]
_names.sort(key=lambda name: (getattr(_signal, name), name))
# Members in number order; of two names for one number (SIGIOT, SIGABRT)
# the canonical one comes first, as CPython's enum has it.
_canonical = {'SIGIOT': 'SIGABRT', 'SIGPOLL': 'SIGIO'}
_ordered = []
for _name in _names:
    if _name in _canonical:
        continue
    _ordered.append((_name, getattr(_signal, _name)))
for _alias, _target in _canonical.items():
    if hasattr(_signal, _alias):
        _ordered.append((_alias, getattr(_signal, _alias)))

Signals = _IntEnum('Signals', _ordered, module=__name__)
Handlers = _IntEnum('Handlers', [('SIG_DFL', _signal.SIG_DFL), ('SIG_IGN', _signal.SIG_IGN)],
                    module=__name__)
Sigmasks = _IntEnum('Sigmasks', [('SIG_BLOCK', _signal.SIG_BLOCK),
                                 ('SIG_UNBLOCK', _signal.SIG_UNBLOCK),
                                 ('SIG_SETMASK', _signal.SIG_SETMASK)], module=__name__)

for _member in list(Signals.__members__.items()) + list(Handlers.__members__.items()) + \
        list(Sigmasks.__members__.items()):
    globals()[_member[0]] = _member[1]
del _member, _name, _alias, _target, _names, _ordered, _canonical


def _int_to_enum(value, enum_class):
    try:
        return enum_class(value)
    except (ValueError, TypeError):
        return value


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    """Set the action for the given signal; return the previous one."""
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


def getsignal(signalnum):
    """Return the current action for the given signal."""
    return _int_to_enum(_signal.getsignal(signalnum), Handlers)


def strsignal(signalnum):
    """Return the system description of the given signal."""
    return _signal.strsignal(signalnum)


def valid_signals():
    """Return the set of valid signal numbers on this platform."""
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}
