"""Signals, rounding modes and the Context class of the decimal module.

Design notes
------------
A context is the environment an arithmetic operation runs in: precision,
rounding mode, exponent limits, and two tables indexed by signal, the
sticky flags ("this happened since the flags were last cleared") and the
traps ("raise when this happens").

Operations in decimal.py never raise a signal directly.  They collect the
conditions that arose while computing one result in a list and hand that
list to Context._report() at the end.  _report sets the matching flags and,
when any of them is trapped, raises one exception that names every trapped
condition of the operation, the way CPython's C implementation does:
`InvalidOperation: [<class 'decimal.DivisionUndefined'>]`.  Conditions such
as DivisionUndefined or ConversionSyntax are subclasses of
InvalidOperation; the flag and trap tables know only the nine signals, and
a condition maps onto its signal through _SIGNAL_OF.

The current context belongs to the calling thread (a threading.local); a
thread that never set one starts from a copy of DefaultContext, so changing
DefaultContext before starting threads changes their starting point.

Context's arithmetic methods need the Decimal class, which is defined in
decimal.py after this module is imported; decimal.py stores it in
_Decimal below once the class exists.
"""

import threading

from _decimal_math import (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN,
                           ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
                           ROUND_HALF_DOWN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)

_ROUNDINGS = (ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,
              ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

# Set by decimal.py once the Decimal class exists.
_Decimal = None


# ---------------------------------------------------------------------------
# Signals.  The class tree follows the documented one, including the
# built-in bases that let `except ZeroDivisionError` catch a division by
# zero.

class DecimalException(ArithmeticError):
    """Base class of every decimal signal."""
    __module__ = 'decimal'


class Clamped(DecimalException):
    """An exponent was changed to fit the context's limits."""
    __module__ = 'decimal'


class InvalidOperation(DecimalException):
    """The operation has no sensible result (the result is NaN)."""
    __module__ = 'decimal'


class ConversionSyntax(InvalidOperation):
    """A string could not be read as a number."""
    __module__ = 'decimal'


class DivisionByZero(DecimalException, ZeroDivisionError):
    """A finite non-zero number was divided by zero."""
    __module__ = 'decimal'


class DivisionImpossible(InvalidOperation):
    """An integer quotient does not fit the precision."""
    __module__ = 'decimal'


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    """Zero was divided by zero."""
    __module__ = 'decimal'


class Inexact(DecimalException):
    """Non-zero digits were lost by rounding."""
    __module__ = 'decimal'


class InvalidContext(InvalidOperation):
    """The context was unusable for the operation."""
    __module__ = 'decimal'


class Rounded(DecimalException):
    """Digits (perhaps only zeros) were lost by rounding."""
    __module__ = 'decimal'


class Subnormal(DecimalException):
    """The result is non-zero and below the normal range."""
    __module__ = 'decimal'


class Overflow(Inexact, Rounded):
    """The result's exponent is above Emax after rounding."""
    __module__ = 'decimal'


class Underflow(Inexact, Rounded, Subnormal):
    """A subnormal result was rounded (perhaps to zero)."""
    __module__ = 'decimal'


class FloatOperation(DecimalException, TypeError):
    """A float was mixed with Decimals in a constructor or comparison."""
    __module__ = 'decimal'


# The nine signals in the order CPython iterates them (and lists them in an
# exception's message); Context's repr uses its own order, below.
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow,
            Underflow, Subnormal, Inexact, Rounded, Clamped)
_REPR_ORDER = (Clamped, InvalidOperation, DivisionByZero, Inexact,
               FloatOperation, Overflow, Rounded, Subnormal, Underflow)
_SIGNAL_OF = {ConversionSyntax: InvalidOperation,
              DivisionImpossible: InvalidOperation,
              DivisionUndefined: InvalidOperation,
              InvalidContext: InvalidOperation}
for _signal in _SIGNALS:
    _SIGNAL_OF[_signal] = _signal
_RANK = {signal: index for index, signal in enumerate(_SIGNALS)}

_SIGNAL_KEY_MESSAGE = ('valid values for signals are:\n'
                       '  [InvalidOperation, FloatOperation, DivisionByZero,\n'
                       '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n'
                       '   Clamped]')
_ROUNDING_MESSAGE = ('valid values for rounding are:\n'
                     '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                     '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                     '   ROUND_05UP]')


class SignalDict:
    """A fixed mapping from the nine signals to booleans.

    Only the nine signals are valid keys, and values are stored as bools,
    so a context's flags and traps can never grow stray entries."""
    __module__ = 'decimal'

    def __init__(self, on=()):
        self._state = {signal: False for signal in _SIGNALS}
        for signal in on:
            self._state[signal] = True

    def _check(self, key):
        if key not in self._state:
            raise KeyError(_SIGNAL_KEY_MESSAGE)

    def __getitem__(self, key):
        self._check(key)
        return self._state[key]

    def __setitem__(self, key, value):
        self._check(key)
        self._state[key] = bool(value)

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def __contains__(self, key):
        return key in self._state

    def __iter__(self):
        return iter(self._state)

    def __len__(self):
        return len(self._state)

    def keys(self):
        return self._state.keys()

    def values(self):
        return self._state.values()

    def items(self):
        return self._state.items()

    def get(self, key, default=None):
        return self._state.get(key, default)

    def copy(self):
        return dict(self._state)

    def __eq__(self, other):
        if isinstance(other, SignalDict):
            return self._state == other._state
        if isinstance(other, dict):
            return self._state == other
        return NotImplemented

    def __repr__(self):
        parts = ['%r:%r' % (signal, value)
                 for signal, value in self._state.items()]
        return '{' + ', '.join(parts) + '}'

    def _load(self, source):
        """Replace the contents from a list of signals or a full dict."""
        if isinstance(source, (dict, SignalDict)):
            if len(source) != len(_SIGNALS) or \
                    any(signal not in source for signal in _SIGNALS):
                raise KeyError('invalid signal dict')
            for signal in _SIGNALS:
                self._state[signal] = bool(source[signal])
            return
        for signal in _SIGNALS:
            self._state[signal] = False
        for signal in source:
            self._check(signal)
            self._state[signal] = True

    def _names(self):
        return [s.__name__ for s in _REPR_ORDER if self._state[s]]


def _int_setting(value):
    """Settings are plain ints; CPython rejects floats and strings early."""
    if not isinstance(value, int):
        raise TypeError('an integer is required')
    return value


class Context:
    """The environment of decimal arithmetic: precision, rounding mode,
    exponent range, output style, and the flags and traps of the nine
    signals."""
    __module__ = 'decimal'
    __slots__ = ('_prec', '_rounding', '_Emin', '_Emax', '_capitals',
                 '_clamp', '_flags', '_traps')

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        # Unset arguments come from DefaultContext, as in CPython.
        base = DefaultContext if _templates_ready else None
        self._flags = SignalDict()
        self._traps = SignalDict()
        if base is not None:
            self.prec = base.prec if prec is None else prec
            self.rounding = base.rounding if rounding is None else rounding
            self.Emin = base.Emin if Emin is None else Emin
            self.Emax = base.Emax if Emax is None else Emax
            self.capitals = base.capitals if capitals is None else capitals
            self.clamp = base.clamp if clamp is None else clamp
            self._traps._load(base._traps._state if traps is None
                              else traps)
        else:
            self.prec = prec
            self.rounding = rounding
            self.Emin = Emin
            self.Emax = Emax
            self.capitals = capitals
            self.clamp = clamp
            self._traps._load(traps or ())
        if flags is not None:
            self._flags._load(flags)

    # -- validated settings ------------------------------------------------

    @property
    def prec(self):
        return self._prec

    @prec.setter
    def prec(self, value):
        _int_setting(value)
        if not 1 <= value <= MAX_PREC:
            raise ValueError('valid range for prec is [1, MAX_PREC]')
        self._prec = value

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, value):
        if value not in _ROUNDINGS:
            raise TypeError(_ROUNDING_MESSAGE)
        # Keep the canonical string object, so `is` comparisons work.
        self._rounding = _ROUNDINGS[_ROUNDINGS.index(value)]

    @property
    def Emin(self):
        return self._Emin

    @Emin.setter
    def Emin(self, value):
        _int_setting(value)
        if not MIN_EMIN <= value <= 0:
            raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
        self._Emin = value

    @property
    def Emax(self):
        return self._Emax

    @Emax.setter
    def Emax(self, value):
        _int_setting(value)
        if not 0 <= value <= MAX_EMAX:
            raise ValueError('valid range for Emax is [0, MAX_EMAX]')
        self._Emax = value

    @property
    def capitals(self):
        return self._capitals

    @capitals.setter
    def capitals(self, value):
        _int_setting(value)
        if value not in (0, 1):
            raise ValueError('valid values for capitals are 0 or 1')
        self._capitals = value

    @property
    def clamp(self):
        return self._clamp

    @clamp.setter
    def clamp(self, value):
        _int_setting(value)
        if value not in (0, 1):
            raise ValueError('valid values for clamp are 0 or 1')
        self._clamp = value

    @property
    def flags(self):
        return self._flags

    @flags.setter
    def flags(self, value):
        self._flags._load(value)

    @property
    def traps(self):
        return self._traps

    @traps.setter
    def traps(self, value):
        self._traps._load(value)

    def Etiny(self):
        """The smallest exponent a subnormal result may have."""
        return self._Emin - self._prec + 1

    def Etop(self):
        """The largest exponent a full-precision result may have."""
        return self._Emax - self._prec + 1

    def radix(self):
        return _Decimal(10)

    def clear_flags(self):
        """Reset every flag to False."""
        for signal in _SIGNALS:
            self._flags._state[signal] = False

    def clear_traps(self):
        """Reset every trap to False."""
        for signal in _SIGNALS:
            self._traps._state[signal] = False

    def copy(self):
        """A new context with the same settings, flags and traps."""
        other = Context.__new__(Context)
        other._prec = self._prec
        other._rounding = self._rounding
        other._Emin = self._Emin
        other._Emax = self._Emax
        other._capitals = self._capitals
        other._clamp = self._clamp
        other._flags = SignalDict()
        other._flags._state.update(self._flags._state)
        other._traps = SignalDict()
        other._traps._state.update(self._traps._state)
        return other

    __copy__ = copy

    def __reduce__(self):
        return (Context, (self._prec, self._rounding, self._Emin,
                          self._Emax, self._capitals, self._clamp,
                          [s for s in _SIGNALS if self._flags._state[s]],
                          [s for s in _SIGNALS if self._traps._state[s]]))

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, '
                'capitals=%d, clamp=%d, flags=[%s], traps=[%s])'
                % (self._prec, self._rounding, self._Emin, self._Emax,
                   self._capitals, self._clamp,
                   ', '.join(self._flags._names()),
                   ', '.join(self._traps._names())))

    # -- signalling ----------------------------------------------------------

    def _report(self, conditions):
        """Set the flags of [conditions]; raise if any of them is trapped."""
        trapped = []
        for condition in conditions:
            signal = _SIGNAL_OF[condition]
            self._flags._state[signal] = True
            if self._traps._state[signal] and condition not in trapped:
                trapped.append(condition)
        if trapped:
            trapped.sort(key=lambda c: _RANK[_SIGNAL_OF[c]])
            raise _SIGNAL_OF[trapped[0]](trapped)

    # -- Decimal factories -------------------------------------------------

    def create_decimal(self, num='0'):
        """A Decimal from [num], rounded to this context (unlike the
        Decimal constructor, which is always exact)."""
        value = _Decimal(num, context=self)
        if value._is_nan() and len(str(value._coeff)) > \
                self._prec - self._clamp:
            # A NaN payload longer than the precision is malformed.
            self._report([ConversionSyntax])
            return _Decimal._nan(0, 0, 2)
        return value._round_to(self)

    def create_decimal_from_float(self, f):
        """Like create_decimal(), for a float (converted exactly first)."""
        return _Decimal.from_float(f)._round_to(self)

    def _apply(self, a):
        return _operand(a)._round_to(self)

    def to_sci_string(self, a):
        return _operand(a).__str__(context=self)

    def to_eng_string(self, a):
        return _operand(a).to_eng_string(context=self)

    def copy_decimal(self, a):
        return _Decimal(_operand(a))


def _operand(value):
    """The Decimal a context method works on: Decimals and ints only."""
    if isinstance(value, _Decimal):
        return value
    if isinstance(value, int):
        return _Decimal(value)
    raise TypeError('conversion from %s to Decimal is not supported'
                    % type(value).__name__)


# Context methods that just forward to a Decimal method of the same kind,
# with this context passed along.  Generated rather than written out one
# by one: each is a single line of glue.

def _unary(name, method):
    def forward(self, a):
        return getattr(_operand(a), method)(context=self)
    forward.__name__ = name
    return forward


def _unary_plain(name, method):
    def forward(self, a):
        return getattr(_operand(a), method)()
    forward.__name__ = name
    return forward


def _binary(name, method):
    def forward(self, a, b):
        return getattr(_operand(a), method)(_operand(b), context=self)
    forward.__name__ = name
    return forward


for _name, _method in (('abs', '_abs'), ('minus', '_minus'),
                       ('plus', '_plus'), ('exp', 'exp'), ('ln', 'ln'),
                       ('log10', 'log10'), ('logb', 'logb'),
                       ('normalize', 'normalize'), ('sqrt', 'sqrt'),
                       ('next_minus', 'next_minus'),
                       ('next_plus', 'next_plus'),
                       ('number_class', 'number_class'),
                       ('is_normal', 'is_normal'),
                       ('is_subnormal', 'is_subnormal'),
                       ('to_integral_exact', 'to_integral_exact'),
                       ('to_integral_value', 'to_integral_value'),
                       ('to_integral', 'to_integral_value'),
                       ('logical_invert', 'logical_invert')):
    setattr(Context, _name, _unary(_name, _method))

for _name in ('canonical', 'copy_abs', 'copy_negate', 'is_canonical',
              'is_finite', 'is_infinite', 'is_nan', 'is_qnan', 'is_signed',
              'is_snan', 'is_zero'):
    setattr(Context, _name, _unary_plain(_name, _name))

for _name, _method in (('add', '_add'), ('subtract', '_subtract'),
                       ('multiply', '_multiply'), ('divide', '_divide'),
                       ('divide_int', '_divide_int'),
                       ('remainder', '_remainder'), ('divmod', '_divmod'),
                       ('compare', 'compare'),
                       ('compare_signal', 'compare_signal'),
                       ('max', 'max'), ('min', 'min'),
                       ('max_mag', 'max_mag'), ('min_mag', 'min_mag'),
                       ('quantize', 'quantize'),
                       ('remainder_near', 'remainder_near'),
                       ('next_toward', 'next_toward'),
                       ('scaleb', 'scaleb'), ('shift', 'shift'),
                       ('rotate', 'rotate'),
                       ('logical_and', 'logical_and'),
                       ('logical_or', 'logical_or'),
                       ('logical_xor', 'logical_xor')):
    setattr(Context, _name, _binary(_name, _method))


def _context_power(self, a, b, modulo=None):
    """a ** b (or pow(a, b, modulo)) rounded to this context."""
    a = _operand(a)
    b = _operand(b)
    if modulo is not None:
        modulo = _operand(modulo)
    return a._power(b, modulo, self)


def _context_fma(self, a, b, c):
    """a * b + c with a single rounding."""
    return _operand(a).fma(_operand(b), _operand(c), context=self)


def _context_same_quantum(self, a, b):
    return _operand(a).same_quantum(_operand(b))


def _context_compare_total(self, a, b):
    return _operand(a).compare_total(_operand(b))


def _context_compare_total_mag(self, a, b):
    return _operand(a).compare_total_mag(_operand(b))


def _context_copy_sign(self, a, b):
    return _operand(a).copy_sign(_operand(b))


Context.power = _context_power
Context.fma = _context_fma
Context.same_quantum = _context_same_quantum
Context.compare_total = _context_compare_total
Context.compare_total_mag = _context_compare_total_mag
Context.copy_sign = _context_copy_sign

# DefaultContext must exist before Context() may default from it, so the
# three templates are built with every argument given.
_templates_ready = False
DefaultContext = Context(28, ROUND_HALF_EVEN, -999999, 999999, 1, 0, [],
                         [InvalidOperation, DivisionByZero, Overflow])
BasicContext = Context(9, ROUND_HALF_UP, -999999, 999999, 1, 0, [],
                       [Clamped, InvalidOperation, DivisionByZero,
                        Overflow, Underflow])
ExtendedContext = Context(9, ROUND_HALF_EVEN, -999999, 999999, 1, 0, [], [])
_templates_ready = True


# ---------------------------------------------------------------------------
# The current context, one per thread.

# The contexts live in a dict keyed by thread id, each entry paired with
# the thread object it belongs to.  Thread ids are reused once a thread has
# ended, so a new thread must not inherit its predecessor's context: the
# stored Thread object (kept alive by the entry) is compared with the
# caller's by identity.  A plain dict is used rather than threading.local
# because every operator calls getcontext(), and this is the cheaper path.
_contexts = {}
_get_ident = threading.get_ident
_current_thread = threading.current_thread


def getcontext():
    """The calling thread's current context (created on first use)."""
    entry = _contexts.get(_get_ident())
    thread = _current_thread()
    if entry is not None and entry[0] is thread:
        return entry[1]
    context = DefaultContext.copy()
    context.clear_flags()
    _contexts[_get_ident()] = (thread, context)
    return context


def setcontext(context):
    """Make [context] the calling thread's current context.  The three
    template contexts are copied first, so they are never changed by
    arithmetic."""
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or \
            context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _contexts[_get_ident()] = (_current_thread(), context)


_LOCAL_KEYWORDS = ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp',
                   'flags', 'traps')


class _LocalContextManager:
    """What localcontext() returns: installs a copy on entry, puts the
    previous context back on exit."""

    def __init__(self, context):
        self._new = context
        self._saved = None

    def __enter__(self):
        self._saved = getcontext()
        setcontext(self._new)
        return self._new

    def __exit__(self, *exc_info):
        setcontext(self._saved)
        return False


def localcontext(ctx=None, **kwargs):
    """A context manager that runs its block in a copy of [ctx] (the
    current context by default), with keyword overrides applied."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    new = ctx.copy()
    for key, value in kwargs.items():
        if key not in _LOCAL_KEYWORDS:
            raise TypeError("'%s' is an invalid keyword argument for this "
                            "function" % key)
        setattr(new, key, value)
    return _LocalContextManager(new)
