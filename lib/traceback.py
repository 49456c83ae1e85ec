"""Extract, format and print Python stack traces and exceptions.

Design notes
------------
Everything is built on two record types. FrameSummary holds one frame's
file, line number, function name and (looked up lazily through linecache)
source line; StackSummary is a list of them that knows how to format itself.
TracebackException captures an exception, its traceback and, recursively,
its __cause__/__context__ chain, so it can be formatted long after the
exception is gone; every format_*/print_* function is a thin wrapper over it.

The text must equal what the interpreter prints for an uncaught exception
(src/vm/traceback.c), byte for byte: the same chain messages, the same
folding of more than three identical frames into "[Previous line repeated N
more times]", and no position-caret lines (gilpy keeps no column
information, so neither side prints them).

Frames come from tracebacks (tb_frame, tb_lineno, tb_next) and, for the
current stack, from sys._getframe() and f_back.
"""

import collections
import itertools
import linecache
import sys

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']

_RECURSIVE_CUTOFF = 3

_cause_message = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")
_context_message = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")


class _Sentinel:
    def __repr__(self):
        return "<implicit>"


_sentinel = _Sentinel()

try:
    _group_type = BaseExceptionGroup
except NameError:
    _group_type = ()


def _out(file):
    return sys.stderr if file is None else file


# ---------------------------------------------------------------------------
# Plain helpers over tracebacks and stacks


def print_list(extracted_list, file=None):
    """Print the entries of an extracted stack or traceback."""
    file = _out(file)
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """One string per entry, each ending in a newline (two lines when the
    source is known)."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Print up to [limit] entries of traceback [tb]."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """A shorthand for format_list(extract_tb(tb, limit))."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """The entries of traceback [tb] as a StackSummary."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_lines(tb), limit=limit)


def walk_tb(tb):
    """Yield (frame, lineno) for each entry of traceback [tb]."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_lines(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    """Yield (frame, lineno) from [f] outwards (default: the caller's frame)."""
    if f is None:
        f = sys._getframe().f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def print_stack(f=None, limit=None, file=None):
    """Print the current stack (or the one ending at [f])."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """A shorthand for format_list(extract_stack(f, limit))."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """The current stack (or the one ending at [f]) as a StackSummary,
    oldest frame first."""
    if f is None:
        f = sys._getframe().f_back
    frames = []
    while f is not None:
        frames.append((f, f.f_lineno))
        f = f.f_back
    stack = StackSummary._extract_from_extended_frame_gen(iter(frames), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Frames of gilpy tracebacks are snapshots that hold no live locals,
    so there is nothing to clear."""
    return None


# ---------------------------------------------------------------------------
# Exceptions


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Print an exception with its traceback and chain, like the
    interpreter does for an uncaught one."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    file = _out(file)
    for line in te.format(chain=chain):
        print(line, file=file, end="")


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """The lines print_exception() would print, as a list of strings."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    """The final "Type: message" line(s) for an exception."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, 'exception')
    if value is None or not valuestr:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, valuestr)


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except BaseException:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """The exception being handled, formatted as one string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Print the last uncaught exception (sys.last_value)."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


# ---------------------------------------------------------------------------
# Records


class FrameSummary:
    """One frame of a stack or traceback: filename, lineno, name, line and
    optionally the frame's locals (as reprs)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


class StackSummary(list):
    """A list of FrameSummary objects, oldest first for tracebacks."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """Build from an iterable of (frame, lineno) pairs."""
        return klass._extract_from_extended_frame_gen(
            frame_gen, limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if limit >= 0:
                frame_gen = itertools.islice(frame_gen, limit)
            else:
                frame_gen = collections.deque(frame_gen, maxlen=-limit)
        result = klass()
        for f, lineno in frame_gen:
            co = f.f_code
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(co.co_filename, lineno, co.co_name,
                                       lookup_line=False, locals=f_locals))
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """Build from FrameSummary objects or (filename, lineno, name, line)
        tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """The text of one entry: the File line, then the source line."""
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        line = frame_summary.line
        if line:
            row.append('    {}\n'.format(line.strip()))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        """One string per entry; runs of more than three identical entries
        (recursion) are folded into a "[Previous line repeated ...]" line."""
        result = []
        last_file = last_line = last_name = None
        count = 0
        for fs in self:
            if (last_file is None or last_file != fs.filename or
                    last_line is None or last_line != fs.lineno or
                    last_name is None or last_name != fs.name):
                if count > _RECURSIVE_CUTOFF:
                    result.append(_repeated_line(count - _RECURSIVE_CUTOFF))
                last_file, last_line, last_name = fs.filename, fs.lineno, fs.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(fs))
        if count > _RECURSIVE_CUTOFF:
            result.append(_repeated_line(count - _RECURSIVE_CUTOFF))
        return result


def _repeated_line(n):
    return (f'  [Previous line repeated {n} more '
            f'time{"s" if n > 1 else ""}]\n')


class TracebackException:
    """An exception captured for later formatting: its type name, message,
    StackSummary and the TracebackExceptions of its cause and context."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_lines(exc_traceback), limit=limit,
            lookup_lines=lookup_lines, capture_locals=capture_locals)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, 'exception')
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception as e:
            self.__notes__ = [
                f'Ignored error getting __notes__: {_safe_string(e, "__notes__", repr)}']
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = getattr(exc_value, 'end_lineno', None)
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = getattr(exc_value, 'end_offset', None)
            self.msg = exc_value.msg
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False
        self.__cause__ = None
        self.__context__ = None
        self.exceptions = None
        if is_recursive_call:
            return
        # Walk the chain iteratively so deep chains cannot overflow the stack.
        queue = [(self, exc_value)]
        while queue:
            te, e = queue.pop()
            if e is None:
                continue
            cause = e.__cause__
            if cause is not None and id(cause) not in _seen:
                te.__cause__ = TracebackException(
                    type(cause), cause, cause.__traceback__, limit=limit,
                    lookup_lines=lookup_lines, capture_locals=capture_locals,
                    _seen=_seen)
                queue.append((te.__cause__, cause))
            context = e.__context__
            if (context is not None and id(context) not in _seen and
                    not e.__suppress_context__):
                te.__context__ = TracebackException(
                    type(context), context, context.__traceback__, limit=limit,
                    lookup_lines=lookup_lines, capture_locals=capture_locals,
                    _seen=_seen)
                queue.append((te.__context__, context))
            group = getattr(e, 'exceptions', None)
            if group and isinstance(e, _group_type):
                te.exceptions = []
                for sub in group:
                    ste = TracebackException(
                        type(sub), sub, sub.__traceback__, limit=limit,
                        lookup_lines=lookup_lines,
                        capture_locals=capture_locals, _seen=_seen)
                    te.exceptions.append(ste)
                    queue.append((ste, sub))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Capture [exc] with its own traceback."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """Yield the "Type: message" line(s), with SyntaxError details and
        __notes__."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return
        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + '.' + stype
        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        notes = self.__notes__
        if isinstance(notes, (list, tuple)):
            for note in notes:
                note = _safe_string(note, 'note')
                yield from [l + '\n' for l in note.split('\n')]
        elif notes is not None:
            yield _safe_string(notes, '__notes__', func=repr) + '\n'

    def _format_syntax_error(self, stype):
        filename_suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(
                self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = ' ({})'.format(self.filename)
        text = self.text
        if text is not None:
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    {}\n'.format(ltext)
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = ''.join(c if c.isspace() else ' ' for c in ltext[:colno])
                    yield '    {}{}\n'.format(caretspace, '^' * (end_colno - colno))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None):
        """Yield the lines of the full report: the chain (oldest first),
        each with its traceback and final line."""
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg = _cause_message
                    chained_exc = exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg = _context_message
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield msg
            if exc.stack:
                yield 'Traceback (most recent call last):\n'
                yield from exc.stack.format()
            yield from exc.format_exception_only()
