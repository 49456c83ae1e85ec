"""Stack traces and exception reports as text, the way the interpreter
prints them.

Design notes
------------
There are three layers:

* Frame walking: walk_tb() and walk_stack() produce (frame, line number)
  pairs; _take() applies the `limit` rules shared by every function
  (positive: the first n, negative: the last n, None: sys.tracebacklimit).

* Records: FrameSummary is one entry (file, line, function, source line
  looked up lazily through linecache); StackSummary is a list of them that
  renders itself, folding runs of more than three identical entries into a
  "[Previous line repeated N more times]" line.

* TracebackException captures an exception together with its traceback and
  the whole __cause__/__context__ graph, so it can be rendered after the
  exception is gone.  The graph is captured with an explicit work list,
  never recursion, so a very long chain cannot exhaust the C stack.  Every
  print_*/format_* function is a thin layer over it.

The text must match src/vm/traceback.c, which prints uncaught exceptions,
and CPython 3.11.  Traceback entries carry the failing instruction's
source range (code.co_positions() at tb_lasti), and the caret line under
their source line (^ under the range, ~ under the operands of a binary
operation or subscript) comes from the C printer's own routine through
_gilpy_traceback.caret_line(), so the two cannot drift apart.  Stack
entries (extract_stack) have no range and no carets, as in CPython.

Left out: the boxed rendering of exception groups (their members are
captured in `exceptions` but not printed), and capture_locals finds nothing
for traceback frames because gilpy's traceback frames keep no locals.
"""

import linecache
import sys
from _gilpy_traceback import caret_line as _caret_line

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']


class _Implicit:
    # Default of the optional `value` and `tb` arguments; it shows as
    # <implicit> in help() signatures, as in CPython.
    def __repr__(self):
        return '<implicit>'


_IMPLICIT = _Implicit()

# Identical consecutive entries shown before the rest are folded.
_SHOWN_REPEATS = 3

_CAUSE_HEADER = '\nThe above exception was the direct cause of the following exception:\n\n'
_CONTEXT_HEADER = '\nDuring handling of the above exception, another exception occurred:\n\n'

# __notes__ values that are shown note by note (a str counts: CPython walks
# it as a sequence of one-character notes).
_NOTE_SEQUENCES = (list, tuple, str, range)

try:
    _GROUP_TYPE = BaseExceptionGroup
except NameError:
    _GROUP_TYPE = ()


def _emit(lines, file):
    target = sys.stderr if file is None else file
    for text in lines:
        print(text, file=target, end='')


def _shown(value, what, render=str):
    """render(value), or a placeholder when that raises."""
    try:
        return render(value)
    except BaseException:
        return '<%s %s() failed>' % (what, render.__name__)


# ---------------------------------------------------------------------------
# Walking frames


def walk_tb(tb):
    """(frame, line number) for each entry of traceback [tb], oldest first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_positions(tb):
    """(frame, (lineno, end_lineno, colno, end_colno)) for each entry of
    [tb]: the source range of the instruction that was running."""
    while tb is not None:
        lineno = tb.tb_lineno
        position = (lineno, None, None, None)
        lasti = tb.tb_lasti
        if lasti >= 0:
            for found in tb.tb_frame.f_code.co_positions():
                if lasti < 2:
                    if found[0] == lineno:
                        position = found
                    break
                lasti -= 2
        yield tb.tb_frame, position
        tb = tb.tb_next


def _frames_outward(frame):
    while frame is not None:
        yield frame, frame.f_lineno
        frame = frame.f_back


def walk_stack(f):
    """(frame, line number) from [f] out to the outermost caller; [f]
    defaults to the frame calling walk_stack()."""
    # Resolved now rather than inside a generator, where the "caller"
    # would be whoever first advances it.
    return _frames_outward(sys._getframe(1) if f is None else f)


def _take(pairs, limit):
    """The entries of [pairs] that [limit] keeps."""
    if limit is None and hasattr(sys, 'tracebacklimit'):
        limit = max(sys.tracebacklimit, 0)
    pairs = list(pairs)
    if limit is None:
        return pairs
    return pairs[:limit] if limit >= 0 else pairs[limit:]


def extract_tb(tb, limit=None):
    """Traceback [tb] as a StackSummary, oldest entry first."""
    return StackSummary._extract_positioned(_walk_tb_positions(tb), limit, True, False)


def extract_stack(f=None, limit=None):
    """The stack ending at [f] (default: the caller) as a StackSummary,
    outermost frame first.  [limit] counts from the innermost frame."""
    summary = StackSummary.extract(_frames_outward(sys._getframe(1) if f is None else f),
                                   limit=limit)
    summary.reverse()
    return summary


def format_list(extracted_list):
    """Render FrameSummary objects or 4-tuples, one string per entry."""
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    _emit(format_list(extracted_list), file)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    _emit(format_tb(tb, limit=limit), file)


def format_stack(f=None, limit=None):
    return extract_stack(sys._getframe(1) if f is None else f, limit=limit).format()


def print_stack(f=None, limit=None, file=None):
    _emit(format_stack(sys._getframe(1) if f is None else f, limit=limit), file)


def clear_frames(tb):
    """Nothing to do: gilpy's traceback frames hold no live locals."""
    return None


# ---------------------------------------------------------------------------
# Whole exceptions


def _value_and_tb(exc, value, tb):
    """Sort out the two calling conventions: (exc) alone, or the old
    (type, value, tb) triple whose first item is ignored."""
    if (value is _IMPLICIT) != (tb is _IMPLICIT):
        raise ValueError("Both or neither of value and tb must be given")
    if value is not _IMPLICIT:
        return value, tb
    if exc is None:
        return None, None
    if not isinstance(exc, BaseException):
        raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
    return exc, exc.__traceback__


def format_exception(exc, /, value=_IMPLICIT, tb=_IMPLICIT, limit=None,
                     chain=True):
    """The report print_exception() would write, as a list of strings."""
    value, tb = _value_and_tb(exc, value, tb)
    report = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(report.format(chain=chain))


def print_exception(exc, /, value=_IMPLICIT, tb=_IMPLICIT, limit=None,
                    file=None, chain=True):
    """Write the report the interpreter gives for an uncaught exception."""
    value, tb = _value_and_tb(exc, value, tb)
    report = TracebackException(type(value), value, tb, limit=limit, compact=True)
    _emit(report.format(chain=chain), file)


def format_exception_only(exc, /, value=_IMPLICIT):
    """Just the closing "Type: message" line(s) of a report."""
    if value is _IMPLICIT:
        value = exc
    return list(TracebackException(type(value), value, None, compact=True)
                .format_exception_only())


def format_exc(limit=None, chain=True):
    """The exception being handled, as one string."""
    return ''.join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    _emit(format_exception(*sys.exc_info(), limit=limit, chain=chain), file)


def print_last(limit=None, file=None, chain=True):
    """Report the last uncaught exception (sys.last_type and friends)."""
    if not hasattr(sys, 'last_type'):
        raise ValueError("no last exception")
    report = format_exception(sys.last_type, sys.last_value, sys.last_traceback,
                              limit=limit, chain=chain)
    _emit(report, file)


# ---------------------------------------------------------------------------
# Records


class FrameSummary:
    """One entry of a stack or traceback.  Compares equal to the 4-tuple
    (filename, lineno, name, line) as well."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_source', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self._source = line
        if locals:
            self.locals = {key: _shown(value, 'local', repr) for key, value in locals.items()}
        else:
            self.locals = None
        if lookup_line:
            self._load()

    def _load(self):
        if self._source is None and self.lineno is not None:
            self._source = linecache.getline(self.filename, self.lineno)
        return self._source

    @property
    def line(self):
        text = self._load()
        return None if text is None else text.strip()

    def _as_tuple(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __eq__(self, other):
        if isinstance(other, tuple):
            return self._as_tuple() == other
        if isinstance(other, FrameSummary):
            return (self.filename, self.lineno, self.name, self.locals) == \
                (other.filename, other.lineno, other.name, other.locals)
        return NotImplemented

    def __getitem__(self, pos):
        return self._as_tuple()[pos]

    def __iter__(self):
        return iter(self._as_tuple())

    def __len__(self):
        return 4

    def __repr__(self):
        return '<FrameSummary file %s, line %s in %s>' % (self.filename, self.lineno, self.name)


def _fold_note(count):
    plural = 's' if count > 1 else ''
    return '  [Previous line repeated %d more time%s]\n' % (count, plural)


class StackSummary(list):
    """A list of FrameSummary entries that can render itself."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """Build from (frame, line number) pairs such as walk_tb() gives."""
        positioned = ((frame, (lineno, None, None, None)) for frame, lineno in frame_gen)
        return klass._extract_positioned(positioned, limit, lookup_lines, capture_locals)

    @classmethod
    def _extract_positioned(klass, frame_gen, limit, lookup_lines, capture_locals):
        """Build from (frame, (lineno, end_lineno, colno, end_colno))
        pairs such as _walk_tb_positions() gives."""
        summary = klass()
        for frame, (lineno, end_lineno, colno, end_colno) in _take(frame_gen, limit):
            code = frame.f_code
            summary.append(FrameSummary(
                code.co_filename, lineno, code.co_name, lookup_line=False,
                locals=frame.f_locals if capture_locals else None,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        if lookup_lines:
            for entry in summary:
                entry._load()
        return summary

    @classmethod
    def from_list(klass, a_list):
        """Build from FrameSummary objects or (file, line, name, source)
        tuples."""
        summary = StackSummary()
        for item in a_list:
            if not isinstance(item, FrameSummary):
                filename, lineno, name, line = item
                item = FrameSummary(filename, lineno, name, line=line)
            summary.append(item)
        return summary

    def format_frame_summary(self, frame_summary):
        """One entry as text: the "File" line, the stripped source line if
        there is one, then captured locals in name order."""
        text = '  File "%s", line %s, in %s\n' % (
            frame_summary.filename, frame_summary.lineno, frame_summary.name)
        source = frame_summary.line
        if source:
            text += '    %s\n' % source.strip()
            if frame_summary.colno is not None and frame_summary.end_colno is not None:
                carets = _caret_line(frame_summary._source, frame_summary.lineno,
                                     frame_summary.end_lineno, frame_summary.colno,
                                     frame_summary.end_colno)
                if carets is not None:
                    text += '    %s\n' % carets
        for key, shown in sorted((frame_summary.locals or {}).items()):
            text += '    %s = %s\n' % (key, shown)
        return text

    def format(self):
        """One string per entry; after three identical consecutive entries
        (deep recursion) the rest of the run is summarised in one line."""
        rendered = []
        run_key, run_length = None, 0
        for entry in self:
            key = (entry.filename, entry.lineno, entry.name)
            if key != run_key:
                if run_length > _SHOWN_REPEATS:
                    rendered.append(_fold_note(run_length - _SHOWN_REPEATS))
                run_key, run_length = key, 0
            run_length += 1
            if run_length <= _SHOWN_REPEATS:
                rendered.append(self.format_frame_summary(entry))
        if run_length > _SHOWN_REPEATS:
            rendered.append(_fold_note(run_length - _SHOWN_REPEATS))
        return rendered


class TracebackException:
    """A snapshot of an exception, its traceback and the exceptions chained
    to it, ready to be rendered with format()."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        options = dict(limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals)
        self._capture(exc_type, exc_value, exc_traceback, options)
        if _seen is not None:
            # A member of a graph being captured by its root (which already
            # marked it seen): the root links the chain.
            return
        seen = {id(exc_value)}
        todo = [(self, exc_value)]
        while todo:
            record, exc = todo.pop()
            if exc is None:
                continue
            cause, context = exc.__cause__, exc.__context__
            if cause is not None and id(cause) not in seen:
                record.__cause__ = self._linked(cause, options, seen, todo)
            # A compact capture skips a context the report would not show.
            if compact and (record.__cause__ is not None or exc.__suppress_context__):
                context = None
            if context is not None and id(context) not in seen:
                record.__context__ = self._linked(context, options, seen, todo)
            if isinstance(exc, _GROUP_TYPE):
                record.exceptions = [self._linked(member, options, seen, todo)
                                     for member in exc.exceptions]

    @staticmethod
    def _linked(exc, options, seen, todo):
        seen.add(id(exc))
        record = TracebackException(type(exc), exc, exc.__traceback__, _seen=seen, **options)
        todo.append((record, exc))
        return record

    def _capture(self, exc_type, exc_value, exc_traceback, options):
        self.stack = StackSummary._extract_positioned(
            _walk_tb_positions(exc_traceback), options['limit'], options['lookup_lines'],
            options['capture_locals'])
        self.exc_type = exc_type
        self._str = _shown(exc_value, 'exception')
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception as failure:
            self.__notes__ = ['Ignored error getting __notes__: '
                              + _shown(failure, '__notes__', repr)]
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            # Line numbers are kept as strings, as CPython does.
            self.lineno = None if exc_value.lineno is None else str(exc_value.lineno)
            end = getattr(exc_value, 'end_lineno', None)
            self.end_lineno = None if end is None else str(end)
            self.filename, self.text, self.msg = exc_value.filename, exc_value.text, exc_value.msg
            self.offset, self.end_offset = exc_value.offset, getattr(exc_value, 'end_offset', None)
        self.__suppress_context__ = False if exc_value is None else exc_value.__suppress_context__
        self.__cause__ = None
        self.__context__ = None
        self.exceptions = None

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Capture [exc] with its own __traceback__."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, TracebackException):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __str__(self):
        return self._str

    def _type_name(self):
        kind = self.exc_type
        module = kind.__module__
        if module in ('__main__', 'builtins'):
            return kind.__qualname__
        if not isinstance(module, str):
            module = '<unknown>'
        return module + '.' + kind.__qualname__

    def format_exception_only(self):
        """Yield the closing line(s): "Type: message" (SyntaxError adds its
        location and source), then any __notes__, one line each."""
        if self.exc_type is None:
            yield 'None: %s\n' % self._str
            return
        name = self._type_name()
        if issubclass(self.exc_type, SyntaxError):
            yield from self._syntax_error_lines(name)
        elif self._str:
            yield '%s: %s\n' % (name, self._str)
        else:
            yield name + '\n'
        notes = self.__notes__
        if isinstance(notes, _NOTE_SEQUENCES):
            for note in notes:
                for piece in _shown(note, 'note').split('\n'):
                    yield piece + '\n'
        elif notes is not None:
            yield _shown(notes, '__notes__', repr) + '\n'

    def _syntax_error_lines(self, name):
        where = ''
        if self.lineno is not None:
            yield '  File "%s", line %s\n' % (self.filename or '<string>', self.lineno)
        elif self.filename is not None:
            where = ' (%s)' % self.filename
        if self.text is not None:
            source = self.text.rstrip('\n')
            shown = source.lstrip(' \n\f')
            yield '    %s\n' % shown
            if self.offset is not None:
                # Offsets are 1-based columns of the unstripped text; an
                # empty or missing range still gets one caret.
                indent = len(source) - len(shown)
                first = self.offset - 1 - indent
                end = self.end_offset if self.end_offset not in (None, 0) else self.offset
                if end == self.offset or end == -1:
                    end = self.offset + 1
                last = end - 1 - indent
                if first >= 0:
                    # Tabs are kept so that the carets line up on screen.
                    pad = ''.join(ch if ch.isspace() else ' ' for ch in shown[:first])
                    yield '    %s%s\n' % (pad, '^' * (last - first))
        yield '%s: %s%s\n' % (name, self.msg or '<no detail available>', where)

    def format(self, *, chain=True, _ctx=None):
        """Yield the whole report: the chained exceptions oldest first, each
        with its traceback, separated by the chaining sentence."""
        links = []                     # (header before it, record), newest first
        record, header = self, None
        while record is not None:
            links.append((header, record))
            if not chain:
                break
            if record.__cause__ is not None:
                record, header = record.__cause__, _CAUSE_HEADER
            elif record.__context__ is not None and not record.__suppress_context__:
                record, header = record.__context__, _CONTEXT_HEADER
            else:
                record = None
        for header, record in reversed(links):
            if record.stack:
                yield 'Traceback (most recent call last):\n'
                yield from record.stack.format()
            yield from record.format_exception_only()
            if header is not None:
                yield header
