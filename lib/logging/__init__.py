"""Logging: named loggers in a dotted hierarchy, handlers, filters and formatters.

Design notes
------------
Four kinds of object cooperate. A Logger is what application code calls; it
decides whether a message is worth building (its effective level, which is
its own level or the nearest ancestor's that is set), builds one LogRecord
and passes it to its handlers, then to its parent's, up the dotted-name tree
until a logger with propagate=False stops the climb. A Handler sends records
somewhere (a stream, a file, nowhere) and owns a Formatter, which turns a
record into text. Filters, on loggers or handlers, may veto a record or edit
it on the way through.

The tree lives in one Manager. getLogger("a.b.c") may be called before
"a.b" exists, so missing intermediate names get a PlaceHolder that records
which real loggers hang below it; when "a.b" is created later it adopts
those children and takes the placeholder's spot. Each logger caches the
answer of isEnabledFor() per level; setLevel() anywhere clears every cache,
because a level change on one logger changes the effective level of all
its descendants.

Thread safety: one module-wide re-entrant lock guards the tree and the
handler registry, and every handler has its own re-entrant lock held while
it emits, so two threads never interleave half-lines in one stream. The
locks are re-entrant because a handler may itself log (an error report,
say) while holding its lock.

When no handler anywhere takes a record, `lastResort` does: a handler at
WARNING that writes the bare message to whatever sys.stderr is at that
moment (not at import time, so redirect_stderr works). Module-level helpers
such as logging.warning() run basicConfig() first when the root logger has
no handlers, which is why they print "WARNING:root:..." while a named
logger with nothing configured prints only the message.

At exit, shutdown() (registered with atexit) flushes and closes every
handler still alive; handlers are tracked by weak reference so that
forgotten handlers can still be collected.
"""

import sys
import os
import time
import io
import threading
import traceback
import weakref
import atexit
import collections.abc
import string

__all__ = [
    'addLevelName',
    'BASIC_FORMAT',
    'basicConfig',
    'BufferingFormatter',
    'captureWarnings',
    'CRITICAL',
    'critical',
    'DEBUG',
    'debug',
    'disable',
    'ERROR',
    'error',
    'exception',
    'FATAL',
    'fatal',
    'FileHandler',
    'Filter',
    'Formatter',
    'getLevelName',
    'getLevelNamesMapping',
    'getLogger',
    'getLoggerClass',
    'getLogRecordFactory',
    'Handler',
    'INFO',
    'info',
    'lastResort',
    'log',
    'Logger',
    'LoggerAdapter',
    'LogRecord',
    'makeLogRecord',
    'NOTSET',
    'NullHandler',
    'raiseExceptions',
    'setLoggerClass',
    'setLogRecordFactory',
    'shutdown',
    'StreamHandler',
    'WARN',
    'warn',
    'WARNING',
    'warning',
]

# Module switches that applications are documented to flip.
raiseExceptions = True
logThreads = True
logMultiprocessing = True
logProcesses = True

# The moment the module was imported; relativeCreated counts from here.
_start_time = time.time()

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

# Two views of the same table, kept in step by addLevelName().
_name_of_level = {
    CRITICAL: 'CRITICAL', ERROR: 'ERROR', WARNING: 'WARNING',
    INFO: 'INFO', DEBUG: 'DEBUG', NOTSET: 'NOTSET',
}
_level_of_name = {
    'CRITICAL': CRITICAL, 'FATAL': FATAL, 'ERROR': ERROR, 'WARN': WARNING,
    'WARNING': WARNING, 'INFO': INFO, 'DEBUG': DEBUG, 'NOTSET': NOTSET,
}

# Some programs read these two tables directly under their historical names.
_levelToName = _name_of_level
_nameToLevel = _level_of_name

# The module lock: guards the logger tree, the level tables and the handler
# registry. Re-entrant, because configuration code may call back into us.
_lock = threading.RLock()


def _acquireLock():
    _lock.acquire()


def _releaseLock():
    _lock.release()


def getLevelNamesMapping():
    return dict(_level_of_name)


def getLevelName(level):
    """Map a number to its name, or a registered name back to its number.

    Unknown values come back as the string "Level <value>", which is what
    a record of an unregistered level shows as its levelname.
    """
    if level in _name_of_level:
        return _name_of_level[level]
    if level in _level_of_name:
        return _level_of_name[level]
    return "Level %s" % level


def addLevelName(level, levelName):
    with _lock:
        _name_of_level[level] = levelName
        _level_of_name[levelName] = level


def _as_level(level):
    """Turn a level given as a number or a registered name into a number."""
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _level_of_name:
            raise ValueError("Unknown level: %r" % level)
        return _level_of_name[level]
    raise TypeError("Level not an integer or a valid string: %r" % (level,))


# ---------------------------------------------------------------------------
# Records

class LogRecord:
    """Everything known about one logging event, as attributes.

    The attribute names are the ones format strings refer to (%(name)s,
    %(lineno)d, ...), so they are a public contract and keep their
    traditional spellings.
    """

    def __init__(self, name, level, pathname, lineno, msg, args, exc_info,
                 func=None, sinfo=None, **kwargs):
        now = time.time()
        # A lone non-empty mapping argument means "%(key)s" substitution; it
        # is unwrapped so that getMessage() can apply it directly.
        if args and len(args) == 1:
            only = args[0]
            if only and isinstance(only, collections.abc.Mapping):
                args = only
        try:
            base = os.path.basename(pathname)
            stem = os.path.splitext(base)[0]
        except (TypeError, ValueError, AttributeError):
            base, stem = pathname, "Unknown module"
        fields = vars(self)
        fields.update(name=name, msg=msg, args=args,
                      levelname=getLevelName(level), levelno=level,
                      pathname=pathname, filename=base, module=stem,
                      exc_info=exc_info, exc_text=None, stack_info=sinfo,
                      lineno=lineno, funcName=func, created=now)
        whole_seconds = int(now)
        fields['msecs'] = float(int((now - whole_seconds) * 1000))
        fields['relativeCreated'] = 1000 * (now - _start_time)
        # Thread and process details can be switched off module-wide (they
        # cost a call each); the fields are then present but None.
        fields['thread'] = threading.get_ident() if logThreads else None
        fields['threadName'] = (threading.current_thread().name
                                if logThreads else None)
        fields['processName'] = 'MainProcess' if logMultiprocessing else None
        fields['process'] = os.getpid() if logProcesses else None

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (
            self.name, self.levelno, self.pathname, self.lineno, self.msg)

    def getMessage(self):
        """The user's message with its arguments substituted, if any."""
        text = str(self.msg)
        if self.args:
            text = text % self.args
        return text


_record_factory = LogRecord


def setLogRecordFactory(factory):
    global _record_factory
    _record_factory = factory


def getLogRecordFactory():
    return _record_factory


def makeLogRecord(attributes):
    """A blank record whose attributes are then overwritten from a dict.

    Used to rebuild records that travelled as plain dicts (over a socket,
    say).
    """
    record = _record_factory(None, None, "", 0, "", (), None, None)
    record.__dict__.update(attributes)
    return record


# ---------------------------------------------------------------------------
# Formatting

class PercentStyle:
    """printf-style templates: "%(levelname)s %(message)s".

    The three style classes share everything but how a template names a
    field and how it is filled in; each sets its markers on one line.
    """

    default_format, asctime_format, asctime_search = '%(message)s', '%(asctime)s', '%(asctime)'
    # What validate() looks for: at least one well-formed field reference.
    _field_pattern = r'%\(\w+\)[#0+ -]*(\*|\d+)?(\.(\*|\d+))?[diouxefgcrsa%]'

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt if fmt else self.default_format
        self._defaults = defaults

    def usesTime(self):
        return self.asctime_search in self._fmt

    def validate(self):
        # A template that names no field at all is almost always a mistake
        # (a '{' template passed with the default '%' style, for instance).
        import re
        if re.search(self._field_pattern, self._fmt, re.I) is None:
            raise ValueError("Invalid format '%s' for '%s' style"
                             % (self._fmt, self.default_format[0]))

    def _fields(self, record):
        if not self._defaults:
            return record.__dict__
        merged = dict(self._defaults)
        merged.update(record.__dict__)
        return merged

    def _fill(self, fields):
        return self._fmt % fields

    def format(self, record):
        fields = self._fields(record)
        try:
            return self._fill(fields)
        except KeyError as missing:
            raise ValueError('Formatting field not found in record: %s' % missing)


class StrFormatStyle(PercentStyle):
    """str.format templates: "{levelname} {message}"."""

    default_format, asctime_format, asctime_search = '{message}', '{asctime}', '{asctime'

    def _fill(self, fields):
        return self._fmt.format(**fields)

    def validate(self):
        seen_field = False
        try:
            for _text, field, _spec, _conv in string.Formatter().parse(self._fmt):
                if field is None:
                    continue
                head = field.split('.')[0].split('[')[0]
                if not head.isidentifier():
                    raise ValueError('invalid field name/expression: %r' % field)
                seen_field = True
        except ValueError as problem:
            raise ValueError('invalid format: %s' % problem)
        if not seen_field:
            raise ValueError('invalid format: no fields')


class StringTemplateStyle(PercentStyle):
    """string.Template templates: "$levelname ${message}"."""

    default_format, asctime_format, asctime_search = '${message}', '${asctime}', '${asctime}'
    _field_pattern = r'\$(\w+|\{\w+\})'

    def __init__(self, fmt, *, defaults=None):
        PercentStyle.__init__(self, fmt, defaults=defaults)
        self._template = string.Template(self._fmt)

    def usesTime(self):
        return '$asctime' in self._fmt or '${asctime}' in self._fmt

    def validate(self):
        import re
        if re.search(self._field_pattern, self._fmt) is None:
            raise ValueError('invalid format: no fields')

    def _fill(self, fields):
        return self._template.substitute(**fields)


BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

# Each style's class and the template basicConfig() uses for it by default.
_STYLE_TABLE = {}
for _mark, _cls, _fields in (('%', PercentStyle, '%(levelname)s:%(name)s:%(message)s'),
                             ('{', StrFormatStyle, '{levelname}:{name}:{message}'),
                             ('$', StringTemplateStyle, '${levelname}:${name}:${message}')):
    _STYLE_TABLE[_mark] = (_cls, _fields)


class Formatter:
    """Turns a LogRecord into text, following a template in one of three styles.

    The record's message, time and exception text are computed here, just
    before the template is applied, because they are only needed by
    handlers that actually emit.
    """

    converter = time.localtime
    default_time_format = '%Y-%m-%d %H:%M:%S'
    default_msec_format = '%s,%03d'

    def __init__(self, fmt=None, datefmt=None, style='%', validate=True, *,
                 defaults=None):
        if style not in _STYLE_TABLE:
            raise ValueError('Style must be one of: %s' % ','.join(_STYLE_TABLE.keys()))
        self._style = _STYLE_TABLE[style][0](fmt, defaults=defaults)
        if validate:
            self._style.validate()
        self._fmt = self._style._fmt
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        moment = self.converter(record.created)
        if datefmt:
            return time.strftime(datefmt, moment)
        text = time.strftime(self.default_time_format, moment)
        if self.default_msec_format:
            text = self.default_msec_format % (text, record.msecs)
        return text

    def formatException(self, ei):
        sink = io.StringIO()
        traceback.print_exception(ei[0], ei[1], ei[2], None, sink)
        text = sink.getvalue()
        return text[:-1] if text.endswith('\n') else text

    def usesTime(self):
        return self._style.usesTime()

    def formatMessage(self, record):
        return self._style.format(record)

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        text = self.formatMessage(record)
        # The exception text is cached on the record: several handlers may
        # format the same record and the traceback costs the most to build.
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            if not text.endswith('\n'):
                text += '\n'
            text += record.exc_text
        if record.stack_info:
            if not text.endswith('\n'):
                text += '\n'
            text += self.formatStack(record.stack_info)
        return text


_plain_formatter = Formatter()


class BufferingFormatter:
    """Formats a batch of records, with optional header and footer lines."""

    def __init__(self, linefmt=None):
        self.linefmt = linefmt or _plain_formatter

    def formatHeader(self, records):
        return ""

    def formatFooter(self, records):
        return ""

    def format(self, records):
        if not records:
            return ""
        body = ''.join(self.linefmt.format(r) for r in records)
        return self.formatHeader(records) + body + self.formatFooter(records)


# ---------------------------------------------------------------------------
# Filters

class Filter:
    """Lets through records from one logger and its descendants.

    Filter("a.b") passes "a.b" and "a.b.c" but not "a.bc"; Filter() passes
    everything.
    """

    def __init__(self, name=''):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        if self.nlen == 0 or self.name == record.name:
            return True
        return record.name.startswith(self.name) and record.name[self.nlen] == '.'


class Filterer:
    """The filter list shared by loggers and handlers.

    A filter may be an object with a filter(record) method or a plain
    callable; the first one that answers falsely drops the record.
    """

    def __init__(self):
        self.filters = []

    def addFilter(self, flt):
        if flt not in self.filters:
            self.filters.append(flt)

    def removeFilter(self, flt):
        if flt in self.filters:
            self.filters.remove(flt)

    def filter(self, record):
        for f in self.filters:
            check = f.filter if hasattr(f, 'filter') else f
            if not check(record):
                return False
        return True


# ---------------------------------------------------------------------------
# Handlers

# Every live handler, weakly held, so shutdown() can flush and close them.
_handlers_by_name = weakref.WeakValueDictionary()
_handler_refs = []


def _forget_handler(ref):
    with _lock:
        if ref in _handler_refs:
            _handler_refs.remove(ref)


def _register_handler(handler):
    with _lock:
        _handler_refs.append(weakref.ref(handler, _forget_handler))


class Handler(Filterer):
    """The base of every destination: level, filters, formatter and a lock.

    Subclasses provide emit(record); handle() does the filtering and the
    locking around it.
    """

    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self._name = None
        self.level = _as_level(level)
        self.formatter = None
        self._closed = False
        self.createLock()
        _register_handler(self)

    def get_name(self):
        return self._name

    def set_name(self, name):
        with _lock:
            if self._name in _handlers_by_name:
                del _handlers_by_name[self._name]
            self._name = name
            if name:
                _handlers_by_name[name] = self

    name = property(get_name, set_name)

    def createLock(self):
        self.lock = threading.RLock()

    def acquire(self):
        if self.lock:
            self.lock.acquire()

    def release(self):
        if self.lock:
            self.lock.release()

    def setLevel(self, level):
        self.level = _as_level(level)

    def format(self, record):
        return (self.formatter or _plain_formatter).format(record)

    def emit(self, record):
        raise NotImplementedError('emit must be implemented by Handler subclasses')

    def handle(self, record):
        """Filter the record and, if it passes, emit it under the lock."""
        passed = self.filter(record)
        if passed:
            with self.lock:
                self.emit(record)
        return passed

    def setFormatter(self, formatter):
        self.formatter = formatter

    def flush(self):
        pass

    def close(self):
        with _lock:
            self._closed = True
            if self._name and self._name in _handlers_by_name:
                del _handlers_by_name[self._name]

    def handleError(self, record):
        """Report a failure inside emit() on stderr without raising.

        Logging must not bring the application down, so by default the
        traceback is printed and the program carries on; set
        logging.raiseExceptions to False to stay silent.
        """
        err = sys.stderr
        if not raiseExceptions or not err:
            return
        problem = sys.exc_info()
        try:
            err.write('--- Logging error ---\n')
            traceback.print_exception(problem[0], problem[1], problem[2], None, err)
            err.write('Call stack:\n')
            traceback.print_stack(sys._getframe(1), file=err)
            try:
                detail = 'Message: %r\nArguments: %s\n' % (record.msg, record.args)
            except Exception:
                detail = ('Unable to print the message and arguments - possible '
                          'formatting error.\nUse the traceback above to help '
                          'find the error.\n')
            err.write(detail)
        except OSError:
            # stderr itself is broken: there is nowhere left to complain.
            pass
        finally:
            problem = None

    def __repr__(self):
        return '<%s (%s)>' % (type(self).__name__, getLevelName(self.level))


class StreamHandler(Handler):
    """Writes each formatted record plus `terminator` to a text stream."""

    terminator = '\n'

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = sys.stderr if stream is None else stream

    def flush(self):
        with self.lock:
            if self.stream and hasattr(self.stream, 'flush'):
                self.stream.flush()

    def emit(self, record):
        try:
            text = self.format(record)
            self.stream.write(text + self.terminator)
            self.flush()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def setStream(self, stream):
        """Swap the stream; returns the old one, or None if it was the same."""
        if stream is self.stream:
            return None
        with self.lock:
            old = self.stream
            self.flush()
            self.stream = stream
        return old

    def __repr__(self):
        label = str(getattr(self.stream, 'name', ''))
        if label:
            label += ' '
        return '<%s %s(%s)>' % (type(self).__name__, label, getLevelName(self.level))


class FileHandler(StreamHandler):
    """A StreamHandler on a file it opens itself (at once, or on first use).

    With delay=True the file is not created until the first record is
    emitted; a closed handler in "w" mode stays closed rather than
    truncating the file a second time.
    """

    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        self.baseFilename = os.path.abspath(os.fspath(filename))
        self.mode, self.errors, self.delay = mode, errors, delay
        text_mode = 'b' not in mode
        self.encoding = 'locale' if (text_mode and encoding is None) else encoding
        self._opener = open
        if delay:
            Handler.__init__(self)
            self.stream = None
        else:
            StreamHandler.__init__(self, self._open())

    def _open(self):
        chosen = self.encoding if self.encoding != 'locale' else None
        return self._opener(self.baseFilename, self.mode, encoding=chosen,
                            errors=self.errors)

    def emit(self, record):
        if self.stream is None and not (self.mode == 'w' and self._closed):
            self.stream = self._open()
        if self.stream is not None:
            super().emit(record)

    def close(self):
        with self.lock:
            stream, self.stream = self.stream, None
            try:
                if stream is not None:
                    try:
                        if hasattr(stream, 'flush'):
                            stream.flush()
                    finally:
                        if hasattr(stream, 'close'):
                            stream.close()
            finally:
                Handler.close(self)

    def __repr__(self):
        return '<%s %s (%s)>' % (type(self).__name__, self.baseFilename,
                                 getLevelName(self.level))


class NullHandler(Handler):
    """Swallows everything; libraries attach it to stay quiet by default."""

    def handle(self, record):
        pass

    def emit(self, record):
        pass

    def createLock(self):
        self.lock = None


class _StderrHandler(StreamHandler):
    """The handler of last resort: whatever sys.stderr is when it emits."""

    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr


_defaultLastResort = _StderrHandler(WARNING)
lastResort = _defaultLastResort


# ---------------------------------------------------------------------------
# The logger tree

# What findCaller() answers when it cannot see the caller's frame.
_UNKNOWN_CALLER = ("(unknown file)", 0, "(unknown function)", None)

class PlaceHolder:
    """Stands in for a logger name nobody has asked for yet (see notes)."""

    def __init__(self, child):
        self.loggerMap = {child: None}

    def append(self, child):
        self.loggerMap[child] = None



_logger_class = None


def _check_logger_class(klass):
    if klass is not Logger and not issubclass(klass, Logger):
        raise TypeError("logger not derived from logging.Logger: " + klass.__name__)


def setLoggerClass(klass):
    _check_logger_class(klass)
    global _logger_class
    _logger_class = klass


def getLoggerClass():
    return _logger_class


class Manager:
    """Owns the name -> logger table and wires parents and children."""

    def __init__(self, rootnode):
        self.root, self.disable, self.loggerDict = rootnode, 0, {}
        # None means "use the module-wide choice" for both of these.
        self.loggerClass = self.logRecordFactory = None
        self.emittedNoHandlerWarning = False

    def getLogger(self, name):
        if not isinstance(name, str):
            raise TypeError('A logger name must be a string')
        with _lock:
            existing = self.loggerDict.get(name)
            if isinstance(existing, Logger):
                return existing
            made = (self.loggerClass or _logger_class)(name)
            made.manager = self
            self.loggerDict[name] = made
            if isinstance(existing, PlaceHolder):
                self._adopt_children(existing, made)
            self._attach_to_parent(made)
            return made

    def setLoggerClass(self, klass):
        _check_logger_class(klass)
        self.loggerClass = klass

    def setLogRecordFactory(self, factory):
        self.logRecordFactory = factory

    def _attach_to_parent(self, logger):
        # Walk up the dotted prefixes: the first real logger is the parent;
        # every empty prefix on the way gets (or extends) a placeholder.
        name = logger.name
        parent = None
        cut = name.rfind('.')
        while cut > 0 and parent is None:
            prefix = name[:cut]
            slot = self.loggerDict.get(prefix)
            if slot is None:
                self.loggerDict[prefix] = PlaceHolder(logger)
            elif isinstance(slot, Logger):
                parent = slot
            else:
                slot.append(logger)
            cut = name.rfind('.', 0, cut)
        logger.parent = parent or self.root

    def _adopt_children(self, placeholder, logger):
        # Children that were parked under the placeholder pointed past it to
        # some higher ancestor; those whose parent is above the new logger
        # now point at it instead.
        prefix = logger.name + '.'
        for child in placeholder.loggerMap:
            if not child.parent.name.startswith(prefix):
                logger.parent = child.parent
                child.parent = logger

    def _clear_cache(self):
        with _lock:
            for item in self.loggerDict.values():
                if isinstance(item, Logger):
                    item._cache.clear()
            self.root._cache.clear()


class Logger(Filterer):
    """A named channel; see the module notes for how records travel."""

    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _as_level(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False
        self._cache = {}

    def setLevel(self, level):
        self.level = _as_level(level)
        self.manager._clear_cache()

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled:
            return False
        try:
            return self._cache[level]
        except KeyError:
            pass
        with _lock:
            if self.manager.disable >= level:
                answer = False
            else:
                answer = level >= self.getEffectiveLevel()
            self._cache[level] = answer
        return answer

    # debug(), info(), warning(), error() and critical() are made from one
    # template by _at_level() below the class: they differ only in level.

    def warn(self, msg, *args, **kwargs):
        import warnings
        warnings.warn("The 'warn' method is deprecated, use 'warning' instead",
                      DeprecationWarning, 2)
        self.warning(msg, *args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        """error() that attaches the exception being handled."""
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        """Log at a level given as a number."""
        if isinstance(level, int):
            if self.isEnabledFor(level):
                self._log(level, msg, args, **kwargs)
        elif raiseExceptions:
            raise TypeError("level must be an integer")

    def findCaller(self, stack_info=False, stacklevel=1):
        """(filename, lineno, function, stack text) of the code that logged.

        Frames whose code lives in this file are skipped: they are the
        logging machinery, not the caller. stacklevel > 1 skips that many
        more frames outward, for helpers that log on their caller's behalf.
        """
        frame = sys._getframe(0)
        while frame is not None and _is_internal(frame):
            frame = frame.f_back
        for _ in range(stacklevel - 1):
            if frame is None or frame.f_back is None:
                break
            frame = frame.f_back
        if frame is None:
            return _UNKNOWN_CALLER
        stack_text = None
        if stack_info:
            sink = io.StringIO()
            sink.write('Stack (most recent call last):\n')
            traceback.print_stack(frame, file=sink)
            stack_text = sink.getvalue().rstrip('\n')
        where = frame.f_code
        return where.co_filename, frame.f_lineno, where.co_name, stack_text

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info,
                   func=None, extra=None, sinfo=None):
        """Build the record through the factory and merge `extra` into it.

        `extra` may add attributes but never replace one the record
        already has, nor the two that Formatter.format() fills in.
        """
        made = _record_factory(name, level, fn, lno, msg, args, exc_info, func, sinfo)
        for key in (extra or ()):
            if key in ("message", "asctime") or key in vars(made):
                raise KeyError("Attempt to overwrite %r in LogRecord" % key)
            setattr(made, key, extra[key])
        return made

    def _log(self, level, msg, args, exc_info=None, extra=None,
             stack_info=False, stacklevel=1):
        try:
            path, line, function, stack_text = self.findCaller(stack_info, stacklevel)
        except ValueError:
            path, line, function, stack_text = _UNKNOWN_CALLER
        # exc_info may be True (use the exception being handled), an
        # exception instance, or an explicit (type, value, traceback).
        if isinstance(exc_info, BaseException):
            exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
        elif exc_info and not isinstance(exc_info, tuple):
            exc_info = sys.exc_info()
        self.handle(self.makeRecord(self.name, level, path, line, msg, args,
                                    exc_info, function, extra, stack_text))

    def handle(self, record):
        if self.disabled or not self.filter(record):
            return
        self.callHandlers(record)

    def addHandler(self, handler):
        with _lock:
            if handler not in self.handlers:
                self.handlers.append(handler)

    def removeHandler(self, handler):
        with _lock:
            if handler in self.handlers:
                self.handlers.remove(handler)

    def hasHandlers(self):
        logger = self
        while logger:
            if logger.handlers:
                return True
            if not logger.propagate:
                return False
            logger = logger.parent
        return False

    def callHandlers(self, record):
        """Offer the record to this logger's handlers and its ancestors'."""
        offered = False
        node = self
        while node is not None:
            for handler in node.handlers:
                offered = True
                if record.levelno >= handler.level:
                    handler.handle(record)
            node = node.parent if node.propagate else None
        if offered:
            return
        if lastResort is not None:
            if record.levelno >= lastResort.level:
                lastResort.handle(record)
        elif raiseExceptions and not self.manager.emittedNoHandlerWarning:
            self.manager.emittedNoHandlerWarning = True
            sys.stderr.write('No handlers could be found for logger "%s"\n'
                             % self.name)

    def getChild(self, suffix):
        """The logger one or more levels below this one ("a" -> "a.b")."""
        if self is self.root:
            return self.manager.getLogger(suffix)
        return self.manager.getLogger('%s.%s' % (self.name, suffix))

    def __repr__(self):
        return '<%s %s (%s)>' % (type(self).__name__, self.name,
                                 getLevelName(self.getEffectiveLevel()))

    def __reduce__(self):
        return getLogger, (self.name,)


def _at_level(level, label):
    """A Logger method that logs at one fixed level."""
    def method(self, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)
    method.__name__ = method.__qualname__ = label
    method.__doc__ = "Log msg, formatted with args, at %s." % getLevelName(level)
    return method


for _level, _label in ((DEBUG, 'debug'), (INFO, 'info'), (WARNING, 'warning'),
                       (ERROR, 'error'), (CRITICAL, 'critical')):
    setattr(Logger, _label, _at_level(_level, _label))
Logger.fatal = Logger.critical


class RootLogger(Logger):
    """The top of the tree, named "root", at WARNING unless configured."""

    def __init__(self, level):
        Logger.__init__(self, "root", level)

    def __reduce__(self):
        return getLogger, ()


_logger_class = Logger

root = RootLogger(WARNING)
Logger.root = root
Logger.manager = Manager(Logger.root)

# Frames from this file are logging's own, skipped by findCaller().
_srcfile = os.path.normcase(Logger.findCaller.__code__.co_filename)


def _is_internal(frame):
    return os.path.normcase(frame.f_code.co_filename) == _srcfile


def getLogger(name=None):
    """The logger called `name`, created on first use; the root without one."""
    if not name or (isinstance(name, str) and name == root.name):
        return root
    return Logger.manager.getLogger(name)


class LoggerAdapter:
    """Wraps a logger to add context (`extra`) to every record it logs.

    process() is the hook: it receives the message and keyword arguments of
    each call and returns them, possibly changed.
    """

    def __init__(self, logger, extra=None):
        self.logger = logger
        self.extra = extra

    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return msg, kwargs

    # The per-level shortcuts are attached after the class, as for Logger.

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            msg, kwargs = self.process(msg, kwargs)
            self.logger.log(level, msg, *args, **kwargs)

    # isEnabledFor(), setLevel(), getEffectiveLevel() and hasHandlers()
    # forward to the wrapped logger; they are attached after the class.

    def _log(self, level, msg, args, **kwargs):
        return self.logger._log(level, msg, args, **kwargs)

    @property
    def manager(self):
        return self.logger.manager

    @manager.setter
    def manager(self, value):
        self.logger.manager = value

    @property
    def name(self):
        return self.logger.name

    def __repr__(self):
        return '<%s %s (%s)>' % (type(self).__name__, self.logger.name,
                                 getLevelName(self.logger.getEffectiveLevel()))


def _adapter_at_level(level, label):
    def method(self, msg, *args, **kwargs):
        self.log(level, msg, *args, **kwargs)
    method.__name__ = method.__qualname__ = label
    return method


for _level, _label in ((DEBUG, 'debug'), (INFO, 'info'), (WARNING, 'warning'),
                       (WARNING, 'warn'), (ERROR, 'error'), (CRITICAL, 'critical')):
    setattr(LoggerAdapter, _label, _adapter_at_level(_level, _label))


def _forward_to_logger(label):
    def forward(self, *args):
        return getattr(self.logger, label)(*args)
    forward.__name__ = forward.__qualname__ = label
    return forward


for _label in ('isEnabledFor', 'setLevel', 'getEffectiveLevel', 'hasHandlers'):
    setattr(LoggerAdapter, _label, _forward_to_logger(_label))


# ---------------------------------------------------------------------------
# Configuration and module-level shortcuts

def basicConfig(**kwargs):
    """One-call setup of the root logger; does nothing if it has handlers.

    force=True removes and closes existing root handlers first. Otherwise
    the keywords pick the destination (filename/filemode, stream, or a
    ready list of handlers), the format, date format and style, and the
    root level.
    """
    with _lock:
        if kwargs.pop('force', False):
            for old in list(root.handlers):
                root.removeHandler(old)
                old.close()
        if root.handlers:
            # Already configured: the call does nothing at all.
            return
        options = dict(kwargs)
        chosen_encoding = options.pop('encoding', None)
        chosen_errors = options.pop('errors', 'backslashreplace')
        handlers = options.pop('handlers', None)
        if handlers is None:
            if 'stream' in options and 'filename' in options:
                raise ValueError("'stream' and 'filename' should not be specified together")
        elif 'stream' in options or 'filename' in options:
            raise ValueError("'stream' or 'filename' should not be specified together "
                             "with 'handlers'")
        if handlers is None:
            path = options.pop('filename', None)
            filemode = options.pop('filemode', 'a')
            if path:
                if 'b' in filemode:
                    chosen_errors = None
                handlers = [FileHandler(path, filemode, encoding=chosen_encoding,
                                        errors=chosen_errors)]
            else:
                handlers = [StreamHandler(options.pop('stream', None))]
        style = options.pop('style', '%')
        if style not in _STYLE_TABLE:
            raise ValueError('Style must be one of: %s' % ','.join(_STYLE_TABLE.keys()))
        template = options.pop('format', _STYLE_TABLE[style][1])
        shared = Formatter(template, options.pop('datefmt', None), style)
        for handler in handlers:
            if handler.formatter is None:
                handler.setFormatter(shared)
            root.addHandler(handler)
        level = options.pop('level', None)
        if level is not None:
            root.setLevel(level)
        if options:
            _basic_config_unknown(options)


def _basic_config_unknown(kwargs):
    raise ValueError('Unrecognised argument(s): %s' % ', '.join(kwargs.keys()))


def _shortcut(label):
    """A module-level function that logs through the root logger.

    Unlike the Logger methods, these configure the root logger on first
    use (basicConfig()), which is why their output carries a prefix.
    """
    def shortcut(msg, *args, **kwargs):
        if not root.handlers:
            basicConfig()
        getattr(root, label)(msg, *args, **kwargs)
    shortcut.__name__ = shortcut.__qualname__ = label
    return shortcut


critical = _shortcut('critical')
fatal = critical
error = _shortcut('error')
warning = _shortcut('warning')
info = _shortcut('info')
debug = _shortcut('debug')


def exception(msg, *args, exc_info=True, **kwargs):
    error(msg, *args, exc_info=exc_info, **kwargs)


def warn(msg, *args, **kwargs):
    import warnings
    warnings.warn("The 'warn' function is deprecated, use 'warning' instead",
                  DeprecationWarning, 2)
    warning(msg, *args, **kwargs)


def log(level, msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def disable(level=CRITICAL):
    """Drop every record at or below `level`, whatever the loggers say."""
    root.manager.disable = _as_level(level)
    root.manager._clear_cache()


def shutdown(handlerList=None):
    """Flush and close every handler still alive (newest first)."""
    refs = _handler_refs if handlerList is None else handlerList
    for ref in reversed(refs[:]):
        try:
            h = ref()
            if h:
                try:
                    h.acquire()
                    h.flush()
                    h.close()
                except (OSError, ValueError):
                    # The stream may already be closed by its owner; that is
                    # fine at exit.
                    pass
                finally:
                    h.release()
        except Exception:
            if raiseExceptions:
                raise


atexit.register(shutdown)


# warnings -> logging bridge: captureWarnings(True) reroutes
# warnings.showwarning into the "py.warnings" logger.
_saved_showwarning = None


def _warning_to_log(message, category, filename, lineno, file=None, line=None):
    if file is not None:
        if _saved_showwarning is not None:
            _saved_showwarning(message, category, filename, lineno, file, line)
        return
    import warnings
    text = warnings.formatwarning(message, category, filename, lineno, line)
    logger = getLogger("py.warnings")
    if not logger.handlers:
        logger.addHandler(NullHandler())
    logger.warning("%s", text)


def captureWarnings(capture):
    global _saved_showwarning
    import warnings
    if capture:
        if _saved_showwarning is None:
            _saved_showwarning = warnings.showwarning
            warnings.showwarning = _warning_to_log
    elif _saved_showwarning is not None:
        warnings.showwarning = _saved_showwarning
        _saved_showwarning = None
