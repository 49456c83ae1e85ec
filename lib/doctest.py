"""Run the interactive examples found in docstrings and text files, and
report those whose output differs from what the text shows.

Design notes
------------
The work is a pipeline of four small objects, each replaceable:

  DocTestFinder   walks a module (or class, function, ...) and collects a
                  DocTest per docstring, with the file and the line where
                  the docstring starts, so reports can point at the source;
  DocTestParser   cuts a docstring into Examples: the source after '>>>'
                  (continued by '...'), the expected output below it, and
                  the expected exception message when the output is a
                  traceback;
  DocTestRunner   executes each example in the test's globals with
                  sys.stdout captured, compares, and writes the report;
  OutputChecker   decides whether captured output matches the expected
                  text under the option flags, and explains a mismatch.

Examples are compiled in 'single' mode, the way the interactive prompt
runs them, so a bare expression prints its repr through sys.displayhook.
While a test runs, linecache.getlines is wrapped so that tracebacks from
an example can quote the example's source ('<doctest name[N]>' files).

Line numbers: an Example's lineno counts from the start of its docstring
(0-based) and a DocTest's lineno is the 0-based line of the docstring in
its file, so a report names line test.lineno + example.lineno + 1.

The report formats (the '*' * 70 divider, 'Failed example:', the summary
lines) are the ones users and tools already parse, so they are kept
exactly.  Left out: the debugger helpers (debug, debug_src, the pdb
set_trace support) and the command-line options beyond -v and -o FLAG.
"""

__all__ = [
    'register_optionflag', 'DONT_ACCEPT_TRUE_FOR_1', 'DONT_ACCEPT_BLANKLINE',
    'NORMALIZE_WHITESPACE', 'ELLIPSIS', 'SKIP', 'IGNORE_EXCEPTION_DETAIL',
    'COMPARISON_FLAGS', 'REPORT_UDIFF', 'REPORT_CDIFF', 'REPORT_NDIFF',
    'REPORT_ONLY_FIRST_FAILURE', 'REPORTING_FLAGS', 'FAIL_FAST', 'Example',
    'DocTest', 'DocTestParser', 'DocTestFinder', 'DocTestRunner',
    'OutputChecker', 'DocTestFailure', 'UnexpectedException', 'DebugRunner',
    'testmod', 'testfile', 'run_docstring_examples', 'DocTestSuite',
    'DocFileSuite', 'set_unittest_reportflags', 'script_from_examples',
    'testsource', 'debug_src', 'debug',
]

import difflib
import inspect
import linecache
import os
import re
import sys
import traceback
import unittest
from collections import namedtuple
from io import StringIO

TestResults = namedtuple('TestResults', 'failed attempted')

# ---------------------------------------------------------------------------
# Option flags

OPTIONFLAGS_BY_NAME = {}


def register_optionflag(name):
    """The bit for the flag [name], allocating the next free one for a
    name not seen before."""
    return OPTIONFLAGS_BY_NAME.setdefault(name, 1 << len(OPTIONFLAGS_BY_NAME))




def _register_group(names):
    # The bits are handed out in this order; programs that print flag
    # values depend on it.
    return [register_optionflag(n) for n in names.split()]


# Flags that change what counts as matching output.
(DONT_ACCEPT_TRUE_FOR_1, DONT_ACCEPT_BLANKLINE, NORMALIZE_WHITESPACE,
 ELLIPSIS, SKIP, IGNORE_EXCEPTION_DETAIL) = _register_group(
    'DONT_ACCEPT_TRUE_FOR_1 DONT_ACCEPT_BLANKLINE NORMALIZE_WHITESPACE '
    'ELLIPSIS SKIP IGNORE_EXCEPTION_DETAIL')
COMPARISON_FLAGS = sum(OPTIONFLAGS_BY_NAME.values())

# Flags that change how failures are reported.
(REPORT_UDIFF, REPORT_CDIFF, REPORT_NDIFF, REPORT_ONLY_FIRST_FAILURE,
 FAIL_FAST) = _register_group(
    'REPORT_UDIFF REPORT_CDIFF REPORT_NDIFF REPORT_ONLY_FIRST_FAILURE '
    'FAIL_FAST')
REPORTING_FLAGS = sum(OPTIONFLAGS_BY_NAME.values()) - COMPARISON_FLAGS

# Stands for an empty line in expected output, where a real empty line
# would end the expected block.
BLANKLINE_MARKER = '<BLANKLINE>'
ELLIPSIS_MARKER = '...'


# ---------------------------------------------------------------------------
# Small text helpers

def _indent(text, width=4):
    """[text] with [width] spaces before each line that is not empty."""
    pad = ' ' * width
    return ''.join(pad + line if line.strip('\n') else line
                   for line in text.splitlines(True))


def _as_lines(text):
    return text if text.endswith('\n') else text + '\n'


def _traceback_text(exc_info):
    """The traceback print_exception would write for [exc_info]."""
    return ''.join(traceback.format_exception(*exc_info))


class _SpoofOut(StringIO):
    """Captures an example's output; what it gives back always ends in
    a newline (unless empty) so that comparisons need not care."""

    def getvalue(self):
        text = StringIO.getvalue(self)
        if text and not text.endswith('\n'):
            text += '\n'
        return text

    def truncate(self, size=None):
        self.seek(size)
        StringIO.truncate(self)


def _ellipsis_match(want, got):
    """Whether [got] matches [want], where each '...' in want stands for
    any text (possibly empty)."""
    if ELLIPSIS_MARKER not in want:
        return want == got
    head, *middle, tail = want.split(ELLIPSIS_MARKER)
    if not got.startswith(head) or not got.endswith(tail):
        return False
    position = len(head)
    limit = len(got) - len(tail)
    if position > limit:
        return False
    for piece in middle:
        position = got.find(piece, position, limit)
        if position < 0:
            return False
        position += len(piece)
    return True


def _comment_line(line):
    """A line of [line] turned into a Python comment (for
    script_from_examples)."""
    line = line.rstrip()
    return '# ' + line if line else '#'


def _strip_exception_details(message):
    """The exception's class name alone, without module path or detail:
    'pkg.mod.Error: text' and 'Error' both give 'Error'."""
    end = len(message)
    newline = message.find('\n')
    if newline >= 0:
        end = newline
    colon = message.find(':', 0, end)
    if colon >= 0:
        end = colon
    dot = message.rfind('.', 0, end)
    return message[dot + 1:end]


# ---------------------------------------------------------------------------
# Examples and tests

class Example:
    """One interactive example: the [source] to run (ending in a newline),
    the output it should print [want], the exception message expected
    instead [exc_msg] (or None), its [lineno] within the docstring, its
    [indent] and the per-example [options] ({flag: on/off})."""

    def __init__(self, source, want, exc_msg=None, lineno=0, indent=0,
                 options=None):
        # Every piece of text ends in a newline, so they compare and
        # print the same however the caller wrote them.
        self.source = _as_lines(source)
        self.want = _as_lines(want) if want else want
        if exc_msg is not None:
            exc_msg = _as_lines(exc_msg)
        self.lineno = lineno
        self.indent = indent
        self.options = {} if options is None else options
        self.exc_msg = exc_msg

    def _key(self):
        return (self.source, self.want, self.lineno, self.indent,
                self.options, self.exc_msg)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash((self.source, self.want, self.lineno, self.indent,
                     self.exc_msg))


class DocTest:
    """The examples of one docstring, with the globals they run in and
    where the docstring came from ([name], [filename], [lineno])."""

    def __init__(self, examples, globs, name, filename, lineno, docstring):
        if isinstance(examples, str):
            raise TypeError('DocTest wants a list of Examples; parse text '
                            'with DocTestParser')
        self.examples, self.docstring = examples, docstring
        self.globs = dict(globs)
        self.name, self.filename, self.lineno = name, filename, lineno

    def __repr__(self):
        count = len(self.examples)
        if count == 0:
            described = 'no examples'
        elif count == 1:
            described = '1 example'
        else:
            described = '%d examples' % count
        return '<%s %s from %s:%s (%s)>' % (type(self).__name__, self.name,
                                            self.filename, self.lineno,
                                            described)

    def _key(self):
        return (self.examples, self.docstring, self.globs, self.name,
                self.filename, self.lineno)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash((self.docstring, self.name, self.filename, self.lineno))

    def _order(self):
        return (self.name, self.filename,
                -1 if self.lineno is None else self.lineno, id(self))

    def __lt__(self, other):
        if not isinstance(other, DocTest):
            return NotImplemented
        return self._order() < other._order()


# ---------------------------------------------------------------------------
# Parsing

class DocTestParser:
    """Splits text into Examples and the prose between them."""

    # One example: a '>>>' line, any '...' continuation lines, then the
    # expected output, which runs to the first blank line or prompt.
    _EXAMPLE_RE = re.compile(r'''
        (?P<source>
            (?:^(?P<indent> [ ]*) >>>    .*)
            (?:\n           [ ]*  \.\.\. .*)*)
        \n?
        (?P<want> (?:(?![ ]*$)(?![ ]*>>>) .+$\n?)* )
        ''', re.MULTILINE | re.VERBOSE)

    # Expected output that is a traceback: the header, an ignored body
    # (indented lines or '...'), then the exception line(s) to compare.
    _EXCEPTION_RE = re.compile(r'''
        ^(?P<header> Traceback\ \(
            (?: most\ recent\ call\ last | innermost\ last ) \) :)
        \s* $
        (?P<stack> .*?)
        ^(?P<msg> \w+ .*)
        ''', re.VERBOSE | re.MULTILINE | re.DOTALL)

    _OPTION_DIRECTIVE_RE = re.compile(r'#\s*doctest:\s*([^\n\'"]*)$',
                                      re.MULTILINE)

    # A source line that is only whitespace or a comment.
    _IS_BLANK_OR_COMMENT = re.compile(r'^[ ]*(#.*)?$').match

    def parse(self, string, name='<string>'):
        """A list alternating prose strings and Examples, in order."""
        string = string.expandtabs()
        margin = self._min_indent(string)
        if margin > 0:
            string = '\n'.join(line[margin:]
                               for line in string.split('\n'))
        pieces = []
        position = 0
        lineno = 0
        for found in self._EXAMPLE_RE.finditer(string):
            pieces.append(string[position:found.start()])
            lineno += string.count('\n', position, found.start())
            source, options, want, exc_msg = self._parse_example(
                found, name, lineno)
            if not self._IS_BLANK_OR_COMMENT(source):
                pieces.append(Example(source, want, exc_msg, lineno=lineno,
                                      indent=margin + len(found['indent']),
                                      options=options))
            lineno += string.count('\n', found.start(), found.end())
            position = found.end()
        pieces.append(string[position:])
        return pieces

    def get_doctest(self, string, globs, name, filename, lineno):
        """A DocTest of the examples in [string]."""
        return DocTest(self.get_examples(string, name), globs, name,
                       filename, lineno, string)

    def get_examples(self, string, name='<string>'):
        """Only the Examples of [string]."""
        return [piece for piece in self.parse(string, name)
                if isinstance(piece, Example)]

    def _parse_example(self, found, name, lineno):
        """(source, options, want, exc_msg) of one matched example."""
        indent = len(found['indent'])
        source_lines = found['source'].split('\n')
        self._check_prompt_blank(source_lines, indent, name, lineno)
        self._check_prefix(source_lines[1:], ' ' * indent + '.', name,
                           lineno)
        source = '\n'.join(line[indent + 4:] for line in source_lines)

        want = found['want']
        want_lines = want.split('\n')
        if len(want_lines) > 1 and re.match(r' *$', want_lines[-1]):
            del want_lines[-1]
        self._check_prefix(want_lines, ' ' * indent, name,
                           lineno + len(source_lines))
        want = '\n'.join(line[indent:] for line in want_lines)

        traceback_match = self._EXCEPTION_RE.match(want)
        exc_msg = traceback_match['msg'] if traceback_match else None
        options = self._find_options(source, name, lineno)
        return source, options, want, exc_msg

    def _find_options(self, source, name, lineno):
        """The {flag: bool} set by '# doctest: +FLAG, -FLAG' comments."""
        options = {}
        for found in self._OPTION_DIRECTIVE_RE.finditer(source):
            words = found.group(1).replace(',', ' ').split()
            for word in words:
                flag = OPTIONFLAGS_BY_NAME.get(word[1:])
                if word[:1] not in '+-' or not word[:1] or flag is None:
                    raise ValueError(
                        'line %r of the doctest for %s has an invalid '
                        'option: %r' % (lineno + 1, name, word))
                options[flag] = word[0] == '+'
        if options and self._IS_BLANK_OR_COMMENT(source):
            raise ValueError(
                'line %r of the doctest for %s has an option directive on '
                'a line with no example: %r' % (lineno, name, source))
        return options

    def _min_indent(self, text):
        """The smallest indentation of the lines that have text."""
        widths = [len(line) - len(line.lstrip(' '))
                  for line in text.split('\n') if line.strip()]
        return min(widths) if widths else 0

    def _check_prompt_blank(self, lines, indent, name, lineno):
        """Every '>>>' and '...' must be followed by a space (or end the
        line)."""
        for offset, line in enumerate(lines):
            if len(line) >= indent + 4 and line[indent + 3] != ' ':
                raise ValueError(
                    'line %r of the docstring for %s lacks blank after %s: %r'
                    % (lineno + offset + 1, name,
                       line[indent:indent + 3], line))

    def _check_prefix(self, lines, prefix, name, lineno):
        """Every line of [lines] must start with [prefix] (the example's
        indentation) unless it is empty."""
        for offset, line in enumerate(lines):
            if line and not line.startswith(prefix):
                raise ValueError(
                    'line %r of the docstring for %s has inconsistent '
                    'leading whitespace: %r' % (lineno + offset + 1, name,
                                                line))


# ---------------------------------------------------------------------------
# Finding

def _merged_globs(globs, extraglobs):
    """A fresh globals dict for a test: a copy of [globs] updated with
    [extraglobs], named __main__ unless it says otherwise."""
    merged = dict(globs or {})
    merged.update(extraglobs or {})
    merged.setdefault('__name__', '__main__')
    return merged


class DocTestFinder:
    """Collects the DocTests of an object and, with recurse=True, of the
    functions and classes defined in it."""

    def __init__(self, verbose=False, parser=DocTestParser(), recurse=True,
                 exclude_empty=True):
        self._parser = parser
        self._verbose = verbose
        self._recurse = recurse
        self._exclude_empty = exclude_empty

    def find(self, obj, name=None, module=None, globs=None, extraglobs=None):
        """Every DocTest reachable from [obj], sorted by name.  [module]
        (found with inspect.getmodule when not given, False for none)
        decides which members count as defined here and supplies the
        globals when [globs] is None."""
        if name is None:
            name = getattr(obj, '__name__', None)
            if name is None:
                raise ValueError(
                    'DocTestFinder.find: name must be given when obj.__name__'
                    " doesn't exist: %r" % (type(obj),))
        if module is False:
            module = None
        elif module is None:
            module = inspect.getmodule(obj)

        source_lines = self._source_lines_of(obj, module)
        if globs is None and module is not None:
            globs = module.__dict__
        globs = _merged_globs(globs, extraglobs)

        tests = []
        self._find(tests, obj, name, module, source_lines, globs, {})
        tests.sort()
        return tests

    def _source_lines_of(self, obj, module):
        try:
            path = inspect.getsourcefile(obj)
        except TypeError:
            return None
        if not path:
            # A file whose source cannot be located (frozen, compiled).
            try:
                path = inspect.getfile(obj)
            except TypeError:
                return None
            # Only the pseudo-files of nested doctests ('<doctest x[0]>')
            # are worth asking linecache about.
            if not path or path[0] + path[-2:] != '<]>':
                return None
        lines = linecache.getlines(
            path, module.__dict__ if module is not None else None)
        return lines or None

    def _from_module(self, module, member):
        """Whether [member] was defined in [module] (True when unsure)."""
        if module is None:
            return True
        if inspect.getmodule(member) is not None:
            return module is inspect.getmodule(member)
        if inspect.isfunction(member):
            return module.__dict__ is member.__globals__
        if inspect.ismethoddescriptor(member) or \
                inspect.isgetsetdescriptor(member):
            owner = getattr(member, '__objclass__', None)
            home = getattr(owner, '__module__', None) if owner else \
                getattr(member, '__module__', None)
            return home == module.__name__ if home else True
        if inspect.isclass(member):
            return module.__name__ == member.__module__
        if hasattr(member, '__module__'):
            return module.__name__ == member.__module__
        if isinstance(member, property):
            return True
        raise ValueError('object must be a class or function')

    def _is_routine(self, obj):
        try:
            obj = inspect.unwrap(obj)
        except ValueError:
            pass
        return inspect.isroutine(obj)

    def _find(self, tests, obj, name, module, source_lines, globs, seen):
        if self._verbose:
            print('Finding tests in %s' % name)
        if id(obj) in seen:
            return
        seen[id(obj)] = 1

        test = self._get_test(obj, name, module, globs, source_lines)
        if test is not None:
            tests.append(test)
        if not self._recurse:
            return

        if inspect.ismodule(obj):
            for member_name, member in obj.__dict__.items():
                if (self._is_routine(member) or inspect.isclass(member)) \
                        and self._from_module(module, member):
                    self._find(tests, member, '%s.%s' % (name, member_name),
                               module, source_lines, globs, seen)
            for key, member in getattr(obj, '__test__', {}).items():
                if not isinstance(key, str):
                    raise ValueError('DocTestFinder.find: __test__ keys must '
                                     'be strings: %r' % (type(key),))
                if not (inspect.isroutine(member) or inspect.isclass(member)
                        or inspect.ismodule(member)
                        or isinstance(member, str)):
                    raise ValueError('DocTestFinder.find: __test__ values '
                                     'must be strings, functions, methods, '
                                     'classes, or modules: %r'
                                     % (type(member),))
                self._find(tests, member, '%s.__test__.%s' % (name, key),
                           module, source_lines, globs, seen)

        if inspect.isclass(obj):
            for member_name, member in obj.__dict__.items():
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                if (inspect.isroutine(member) or inspect.isclass(member)
                        or isinstance(member, property)) and \
                        self._from_module(module, member):
                    self._find(tests, member, '%s.%s' % (name, member_name),
                               module, source_lines, globs, seen)

    def _get_test(self, obj, name, module, globs, source_lines):
        """The DocTest of [obj]'s docstring, or None when it is excluded
        for having no examples."""
        if isinstance(obj, str):
            docstring = obj
        else:
            try:
                docstring = obj.__doc__ or ''
                if not isinstance(docstring, str):
                    docstring = str(docstring)
            except (TypeError, AttributeError):
                docstring = ''
        lineno = self._find_lineno(obj, source_lines)
        if self._exclude_empty and not docstring:
            return None
        filename = None
        if module is not None:
            filename = getattr(module, '__file__', None) or module.__name__
            if filename.endswith('.pyc'):
                filename = filename[:-1]
        return self._parser.get_doctest(docstring, globs, name, filename,
                                        lineno)

    def _find_lineno(self, obj, source_lines):
        """The 0-based line in [source_lines] where [obj]'s docstring
        starts, or None when it cannot be told."""
        lineno = None
        if inspect.ismodule(obj):
            lineno = 0
        elif inspect.isclass(obj) and source_lines is not None:
            header = re.compile(r'^\s*class\s*%s\b'
                                % re.escape(getattr(obj, '__name__', '-')))
            for index, line in enumerate(source_lines):
                if header.match(line):
                    lineno = index
                    break
        else:
            if isinstance(obj, property):
                obj = obj.fget
            if inspect.ismethod(obj):
                obj = obj.__func__
            if inspect.isfunction(obj) and getattr(obj, '__doc__', None):
                obj = obj.__code__
            if inspect.istraceback(obj):
                obj = obj.tb_frame
            if inspect.isframe(obj):
                obj = obj.f_code
            if inspect.iscode(obj):
                lineno = obj.co_firstlineno - 1
        if lineno is None:
            return None
        if source_lines is None:
            # Without the source, the docstring is taken to start on the
            # line after the header (the 1-based header line, 0-based).
            return lineno + 1
        # From the def/class line, move on to the line that opens the
        # docstring: the first that has a quote after optional ':' text.
        opener = re.compile(r'(^|.*:)\s*\w*("|\')')
        for index in range(lineno, len(source_lines)):
            if opener.match(source_lines[index]):
                return index
        return None


# ---------------------------------------------------------------------------
# Checking output

class OutputChecker:
    """Compares an example's actual output with the expected one."""

    def _to_text(self, value):
        if isinstance(value, bytes):
            return str(value, 'ascii', 'backslashreplace')
        return value

    def check_output(self, want, got, optionflags):
        """Whether [got] is an acceptable output for [want] under
        [optionflags]."""
        got = self._to_text(got)
        want = self._to_text(want)
        if got == want:
            return True
        if not optionflags & DONT_ACCEPT_TRUE_FOR_1:
            # Old doctests were written when True printed as 1.
            if (got, want) in (('True\n', '1\n'), ('False\n', '0\n')):
                return True
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            want = re.sub(r'(?m)^%s\s*?$' % re.escape(BLANKLINE_MARKER), '',
                          want)
            got = re.sub(r'(?m)^[^\S\n]+$', '', got)
            if got == want:
                return True
        if optionflags & NORMALIZE_WHITESPACE:
            got = ' '.join(got.split())
            want = ' '.join(want.split())
            if got == want:
                return True
        if optionflags & ELLIPSIS:
            if _ellipsis_match(want, got):
                return True
        return False

    def _do_a_fancy_diff(self, want, got, optionflags):
        if not optionflags & (REPORT_UDIFF | REPORT_CDIFF | REPORT_NDIFF):
            return False
        if optionflags & REPORT_NDIFF:
            return True
        # A diff of one or two lines says less than the two texts do.
        return want.count('\n') > 2 and got.count('\n') > 2

    def output_difference(self, example, got, optionflags):
        """The report text explaining how [got] differs from
        [example].want."""
        want = example.want
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            got = re.sub(r'(?m)^[ ]*(?=\n)', BLANKLINE_MARKER, got)
        if self._do_a_fancy_diff(want, got, optionflags):
            expected_lines = want.splitlines(keepends=True)
            actual_lines = got.splitlines(keepends=True)
            if optionflags & (REPORT_UDIFF | REPORT_CDIFF):
                # The two header lines (---/+++ or ***/---) name no files
                # here, so they are dropped.
                unified = optionflags & REPORT_UDIFF
                make = difflib.unified_diff if unified else \
                    difflib.context_diff
                lines = list(make(expected_lines, actual_lines, n=2))[2:]
                kind = ('unified diff with -expected +actual' if unified
                        else 'context diff with expected followed by actual')
            else:
                differ = difflib.Differ(charjunk=difflib.IS_CHARACTER_JUNK)
                lines = list(differ.compare(expected_lines, actual_lines))
                kind = 'ndiff with -expected +actual'
            return 'Differences (%s):\n%s' % (kind, _indent(''.join(lines)))
        expected = 'Expected:\n' + _indent(want) if want else \
            'Expected nothing\n'
        actual = 'Got:\n' + _indent(got) if got else 'Got nothing\n'
        return expected + actual


# ---------------------------------------------------------------------------
# Running

class DocTestRunner:
    """Runs DocTests, reports failures through [out] (sys.stdout by
    default) and keeps a tally per test name for summarize()."""

    DIVIDER = '*' * 70

    def __init__(self, checker=None, verbose=None, optionflags=0):
        self._checker = OutputChecker() if checker is None else checker
        # Like the command line of doctest itself: -v means verbose.
        self._verbose = ('-v' in sys.argv) if verbose is None else verbose
        self.optionflags = self.original_optionflags = optionflags
        self.tries = self.failures = 0
        # {test name: (failures, tries)}, kept across run() calls.
        self._name2ft = {}
        self._fakeout = _SpoofOut()

    # The report_* methods are the hooks subclasses override.

    def report_start(self, out, test, example):
        if not self._verbose:
            return
        if example.want:
            out('Trying:\n' + _indent(example.source) + 'Expecting:\n' +
                _indent(example.want))
        else:
            out('Trying:\n' + _indent(example.source) + 'Expecting nothing\n')

    def report_success(self, out, test, example, got):
        if self._verbose:
            out('ok\n')

    def report_failure(self, out, test, example, got):
        out(self._failure_header(test, example) +
            self._checker.output_difference(example, got, self.optionflags))

    def report_unexpected_exception(self, out, test, example, exc_info):
        out(self._failure_header(test, example) + 'Exception raised:\n' +
            _indent(_traceback_text(exc_info)))

    def _failure_header(self, test, example):
        lines = [self.DIVIDER]
        if test.filename:
            if test.lineno is not None and example.lineno is not None:
                where = test.lineno + example.lineno + 1
            else:
                where = '?'
            lines.append('File "%s", line %s, in %s'
                         % (test.filename, where, test.name))
        else:
            lines.append('Line %s, in %s' % (example.lineno + 1, test.name))
        lines.append('Failed example:')
        lines.append(_indent(example.source))
        return '\n'.join(lines)

    def _run_examples(self, test, compileflags, out):
        """Run every example of [test]; (failures, tries)."""
        failures = tries = 0
        base_flags = self.optionflags
        # Once a failure was reported, REPORT_ONLY_FIRST_FAILURE makes the
        # rest run quietly (still counted).
        success, failure, boom = 0, 1, 2
        check = self._checker.check_output
        for number, example in enumerate(test.examples):
            quiet = (self.optionflags & REPORT_ONLY_FIRST_FAILURE and
                     failures > 0)
            self.optionflags = base_flags
            for flag, enabled in example.options.items():
                if enabled:
                    self.optionflags |= flag
                else:
                    self.optionflags &= ~flag
            if self.optionflags & SKIP:
                continue
            tries += 1
            if not quiet:
                self.report_start(out, test, example)

            filename = '<doctest %s[%d]>' % (test.name, number)
            try:
                code = compile(example.source, filename, 'single',
                               compileflags, True)
                exec(code, test.globs)
                self.debugger_hook()
                exception = None
            except KeyboardInterrupt:
                raise
            except BaseException:
                exception = sys.exc_info()
                self.debugger_hook()

            got = self._fakeout.getvalue()
            self._fakeout.truncate(0)

            outcome = failure
            if exception is None:
                if check(example.want, got, self.optionflags):
                    outcome = success
            else:
                last_line = traceback.format_exception_only(
                    *exception[:2])[-1]
                if not quiet:
                    got += _traceback_text(exception)
                if example.exc_msg is None:
                    outcome = boom
                elif check(example.exc_msg, last_line, self.optionflags):
                    outcome = success
                elif self.optionflags & IGNORE_EXCEPTION_DETAIL:
                    if check(_strip_exception_details(example.exc_msg),
                             _strip_exception_details(last_line),
                             self.optionflags):
                        outcome = success

            if outcome == success:
                if not quiet:
                    self.report_success(out, test, example, got)
            elif outcome == failure:
                if not quiet:
                    self.report_failure(out, test, example, got)
                failures += 1
            else:
                if not quiet:
                    self.report_unexpected_exception(out, test, example,
                                                     exception)
                failures += 1
            if failures and self.optionflags & FAIL_FAST:
                break
        self.optionflags = base_flags
        self._record_outcome(test, failures, tries)
        return TestResults(failures, tries)

    def debugger_hook(self):
        # Called after each example; a place for subclasses to look at
        # the state (CPython uses it to reset pdb).
        pass

    def _record_outcome(self, test, failures, tries):
        old_failures, old_tries = self._name2ft.get(test.name, (0, 0))
        self._name2ft[test.name] = (old_failures + failures,
                                    old_tries + tries)
        self.failures += failures
        self.tries += tries

    _DOCTEST_FILENAME = re.compile(r'<doctest (?P<name>.+)\[(?P<index>\d+)\]>$')

    def _source_lines_hook(self, real_getlines):
        """A linecache.getlines that also knows the examples of the test
        being run, so tracebacks can quote them."""
        def getlines(filename, module_globals=None):
            found = self._DOCTEST_FILENAME.match(filename)
            test = self.test
            if found and found['name'] == test.name:
                example = test.examples[int(found['index'])]
                return example.source.splitlines(True)
            return real_getlines(filename, module_globals)
        return getlines

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        """Run the examples of [test] with output captured, report through
        [out] and return TestResults(failed, attempted)."""
        self.test = test
        if compileflags is None:
            compileflags = _future_flags(test.globs)
        saved_stdout = sys.stdout
        if out is None:
            out = saved_stdout.write
        sys.stdout = self._fakeout
        saved_getlines = linecache.getlines
        linecache.getlines = self._source_lines_hook(saved_getlines)
        saved_displayhook = sys.displayhook
        sys.displayhook = sys.__displayhook__
        try:
            return self._run_examples(test, compileflags, out)
        finally:
            sys.stdout = saved_stdout
            linecache.getlines = saved_getlines
            sys.displayhook = saved_displayhook
            if clear_globs:
                test.globs.clear()
                import builtins
                builtins._ = None

    def summarize(self, verbose=None):
        """Print the totals for every test run so far (per name when
        verbose) and return TestResults(failed, attempted)."""
        if verbose is None:
            verbose = self._verbose
        empty, clean, broken = [], [], []
        total_tries = total_failures = 0
        for name, (failures, tries) in self._name2ft.items():
            total_tries += tries
            total_failures += failures
            if tries == 0:
                empty.append(name)
            elif failures == 0:
                clean.append((name, tries))
            else:
                broken.append((name, (failures, tries)))
        if verbose:
            if empty:
                print(len(empty), 'items had no tests:')
                for name in sorted(empty):
                    print('   ', name)
            if clean:
                print(len(clean), 'items passed all tests:')
                for name, tries in sorted(clean):
                    print(' %3d tests in %s' % (tries, name))
        if broken:
            print(self.DIVIDER)
            print(len(broken), 'items had failures:')
            for name, (failures, tries) in sorted(broken):
                print(' %3d of %3d in %s' % (failures, tries, name))
        if verbose:
            print(total_tries, 'tests in', len(self._name2ft), 'items.')
            print(total_tries - total_failures, 'passed and', total_failures,
                  'failed.')
        if total_failures:
            print('***Test Failed***', total_failures, 'failures.')
        elif verbose:
            print('Test passed.')
        return TestResults(total_failures, total_tries)

    def merge(self, other):
        """Add the tallies of the runner [other] to this one's."""
        for name, (failures, tries) in other._name2ft.items():
            old_failures, old_tries = self._name2ft.get(name, (0, 0))
            self._name2ft[name] = (old_failures + failures,
                                   old_tries + tries)


def _future_flags(globs):
    """compile() flags for the __future__ features imported in [globs]."""
    import __future__
    flags = 0
    for feature_name in getattr(__future__, 'all_feature_names', []):
        feature = globs.get(feature_name)
        if feature is getattr(__future__, feature_name):
            flags |= feature.compiler_flag
    return flags


class DocTestFailure(Exception):
    """Raised by DebugRunner at the first example whose output is wrong."""

    def __init__(self, test, example, got):
        self.test = test
        self.example = example
        self.got = got

    def __str__(self):
        return str(self.test)


class UnexpectedException(Exception):
    """Raised by DebugRunner at the first example that raises."""

    def __init__(self, test, example, exc_info):
        self.test = test
        self.example = example
        self.exc_info = exc_info

    def __str__(self):
        return str(self.test)


class DebugRunner(DocTestRunner):
    """Stops at the first problem by raising it, leaving the test's
    globals in place for inspection."""

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        # The base class would clear the globals even when an example
        # raises out of it; here they stay until the run succeeded.
        outcome = super().run(test, compileflags, out, False)
        if clear_globs:
            test.globs.clear()
        return outcome

    def report_failure(self, out, test, example, got):
        raise DocTestFailure(test, example, got)

    def report_unexpected_exception(self, out, test, example, exc_info):
        raise UnexpectedException(test, example, exc_info)


# ---------------------------------------------------------------------------
# Entry points

# The runner of the latest testmod/testfile, merged across calls.
master = None


def testmod(m=None, name=None, globs=None, verbose=None, report=True,
            optionflags=0, extraglobs=None, raise_on_error=False,
            exclude_empty=False):
    """Run the examples in the docstrings of module [m] (__main__ by
    default) and of everything defined in it; print a summary when
    [report]; return TestResults(failed, attempted)."""
    if m is None:
        m = sys.modules.get('__main__')
    if not inspect.ismodule(m):
        raise TypeError('testmod: module required; %r' % (m,))
    if name is None:
        name = m.__name__
    runner = (DebugRunner if raise_on_error else DocTestRunner)(
        verbose=verbose, optionflags=optionflags)
    found = DocTestFinder(exclude_empty=exclude_empty).find(
        m, name, globs=globs, extraglobs=extraglobs)
    for test in found:
        runner.run(test)
    return _finish(runner, report)


def _finish(runner, report):
    """Summarize (when [report]) and fold [runner] into `master`."""
    global master
    if report:
        runner.summarize()
    if master is None:
        master = runner
    else:
        master.merge(runner)
    return TestResults(runner.failures, runner.tries)


def _caller_module(depth):
    """The module of the function [depth] frames up the stack."""
    caller_name = sys._getframe(depth + 1).f_globals.get('__name__',
                                                         '__main__')
    return sys.modules[caller_name]


def _normalize_module(module, depth=2):
    if inspect.ismodule(module):
        return module
    if isinstance(module, str):
        return __import__(module, globals(), locals(), ['*'])
    if module is None:
        try:
            return _caller_module(depth)
        except (AttributeError, ValueError, KeyError):
            return sys.modules['__main__']
    raise TypeError('Expected a module, string, or None')


def _module_relative_path(module, test_path):
    if not inspect.ismodule(module):
        raise TypeError('Expected a module: %r' % module)
    if test_path.startswith('/'):
        raise ValueError('Module-relative files may not have absolute paths')
    test_path = os.path.join(*test_path.split('/'))
    module_file = getattr(module, '__file__', None)
    if module_file:
        base = os.path.dirname(module_file)
    elif module.__name__ == '__main__':
        base = os.path.dirname(sys.argv[0]) if sys.argv and sys.argv[0] \
            else os.curdir
    else:
        raise ValueError("Can't resolve paths relative to the module %r "
                         '(it has no __file__)' % module.__name__)
    return os.path.join(base, test_path)


def _load_testfile(filename, package, module_relative, encoding):
    if module_relative:
        package = _normalize_module(package, 3)
        filename = _module_relative_path(package, filename)
    with open(filename, encoding=encoding) as handle:
        return handle.read(), filename


def testfile(filename, module_relative=True, name=None, package=None,
             globs=None, verbose=None, report=True, optionflags=0,
             extraglobs=None, raise_on_error=False, parser=DocTestParser(),
             encoding=None):
    """Run the examples in the text file [filename] (relative to the
    calling module's directory unless module_relative is false)."""
    if package and not module_relative:
        raise ValueError('Package may only be specified for module-'
                         'relative paths.')
    text, filename = _load_testfile(filename, package, module_relative,
                                    encoding or 'utf-8')
    if name is None:
        name = os.path.basename(filename)
    globs = _merged_globs(globs, extraglobs)
    runner = (DebugRunner if raise_on_error else DocTestRunner)(
        verbose=verbose, optionflags=optionflags)
    runner.run(parser.get_doctest(text, globs, name, filename, 0))
    return _finish(runner, report)


def run_docstring_examples(f, globs, verbose=False, name='NoName',
                           compileflags=None, optionflags=0):
    """Run the examples in [f]'s own docstring (not its members'), in
    [globs]; failures are printed, nothing is returned."""
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    own_tests = DocTestFinder(verbose=verbose, recurse=False).find(
        f, name, globs=globs)
    for test in own_tests:
        runner.run(test, compileflags=compileflags)


# ---------------------------------------------------------------------------
# unittest integration

_unittest_reportflags = 0


def set_unittest_reportflags(flags):
    """Set the reporting flags DocTestSuite cases use when they have
    none of their own; returns the previous value."""
    global _unittest_reportflags
    if flags & REPORTING_FLAGS != flags:
        raise ValueError('Only reporting flags allowed', flags)
    previous = _unittest_reportflags
    _unittest_reportflags = flags
    return previous


class DocTestCase(unittest.TestCase):
    """One DocTest as a unittest test case."""

    def __init__(self, test, optionflags=0, setUp=None, tearDown=None,
                 checker=None):
        super().__init__()
        # _dt_test is read by suites that filter cases, so it keeps its
        # customary name.
        self._dt_test = test
        self._flags = optionflags
        self._checker = checker
        self._fixtures = (setUp, tearDown)
        self._initial_globs = None if test is None else dict(test.globs)

    def setUp(self):
        before = self._fixtures[0]
        if before is not None:
            before(self._dt_test)

    def tearDown(self):
        after = self._fixtures[1]
        if after is not None:
            after(self._dt_test)
        # Each run starts from the globals the test was made with.
        self._dt_test.globs.clear()
        self._dt_test.globs.update(self._initial_globs)

    def runTest(self):
        test = self._dt_test
        captured = StringIO()
        flags = self._flags
        if not flags & REPORTING_FLAGS:
            flags |= _unittest_reportflags
        runner = DocTestRunner(optionflags=flags, checker=self._checker,
                               verbose=False)
        # Inside a unittest report '*' lines would clash with its own
        # dashes; use the same dashes.
        runner.DIVIDER = '-' * 70
        results = runner.run(test, out=captured.write, clear_globs=False)
        if results.failed:
            raise self.failureException(
                self.format_failure(captured.getvalue()))

    def format_failure(self, err):
        test = self._dt_test
        where = 'unknown line number' if test.lineno is None else \
            '%s' % test.lineno
        short_name = test.name.split('.')[-1]
        return ('Failed doctest test for %s\n  File "%s", line %s, in %s\n\n%s'
                % (test.name, test.filename, where, short_name, err))

    def debug(self):
        """Run without collecting: the first problem is raised."""
        self.setUp()
        DebugRunner(optionflags=self._flags, checker=self._checker,
                    verbose=False).run(self._dt_test, clear_globs=False)
        self.tearDown()

    def id(self):
        return self._dt_test.name

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._identity() == other._identity()

    def _identity(self):
        return (self._dt_test, self._flags, self._fixtures, self._checker)

    def __hash__(self):
        return hash((self._flags, self._fixtures, self._checker))

    def __repr__(self):
        *owner, last = self._dt_test.name.split('.')
        return '%s (%s)' % (last, '.'.join(owner))

    def shortDescription(self):
        return 'Doctest: ' + self._dt_test.name


DocTestCase.__str__ = DocTestCase.__repr__


class SkipDocTestCase(DocTestCase):
    """Stands for a module whose docstrings were stripped (python -OO)."""

    def __init__(self, module):
        self.module = module
        DocTestCase.__init__(self, None)

    def setUp(self):
        self.skipTest('DocTestSuite will not work with -O2 and above')

    def test_skip(self):
        pass

    def shortDescription(self):
        return 'Skipping tests from %s' % self.module.__name__

    __str__ = shortDescription


class _DocTestSuite(unittest.TestSuite):
    def _removeTestAtIndex(self, index):
        # Keep finished cases: their DocTests are small and a report may
        # still want them.
        pass


def DocTestSuite(module=None, globs=None, extraglobs=None, test_finder=None,
                 **options):
    """A unittest suite with one case per docstring (that has examples)
    in [module]; [options] go to DocTestCase (optionflags, setUp,
    tearDown, checker)."""
    module = _normalize_module(module)
    found = (test_finder or DocTestFinder()).find(
        module, globs=globs, extraglobs=extraglobs)
    suite = _DocTestSuite()
    if not found and sys.flags.optimize >= 2:
        # -OO removed the docstrings: say so rather than pass silently.
        suite.addTest(SkipDocTestCase(module))
    for test in sorted(t for t in found if t.examples):
        if not test.filename:
            path = module.__file__
            test.filename = path[:-1] if path.endswith('.pyc') else path
        suite.addTest(DocTestCase(test, **options))
    return suite


class DocFileCase(DocTestCase):
    """A DocTest read from a text file."""

    def id(self):
        return '_'.join(self._dt_test.name.split('.'))

    def __repr__(self):
        return self._dt_test.filename

    def format_failure(self, err):
        return ('Failed doctest test for %s\n  File "%s", line 0\n\n%s'
                % (self._dt_test.name, self._dt_test.filename, err))


DocFileCase.__str__ = DocFileCase.__repr__


def DocFileTest(path, module_relative=True, package=None, globs=None,
                parser=DocTestParser(), encoding=None, **options):
    globs = {} if globs is None else globs.copy()
    if package and not module_relative:
        raise ValueError('Package may only be specified for module-'
                         'relative paths.')
    text, path = _load_testfile(path, package, module_relative,
                                encoding or 'utf-8')
    globs.setdefault('__file__', path)
    name = os.path.basename(path)
    test = parser.get_doctest(text, globs, name, path, 0)
    return DocFileCase(test, **options)


def DocFileSuite(*paths, **kw):
    """A unittest suite with one case per text file in [paths]."""
    suite = _DocTestSuite()
    if kw.get('module_relative', True):
        kw['package'] = _normalize_module(kw.get('package'))
    for path in paths:
        suite.addTest(DocFileTest(path, **kw))
    return suite


# ---------------------------------------------------------------------------
# Turning examples into scripts

def script_from_examples(s):
    """The examples of the text [s] as a Python script: the code as is,
    expected output and prose as comments."""
    lines = []
    for piece in DocTestParser().parse(s):
        if isinstance(piece, Example):
            lines.append(piece.source[:-1])
            if piece.want:
                lines.append('# Expected:')
                lines += ['## ' + line for line in piece.want.split('\n')[:-1]]
        else:
            lines += [_comment_line(line) for line in piece.split('\n')[:-1]]
    while lines and lines[-1] == '#':
        lines.pop()
    while lines and lines[0] == '#':
        lines.pop(0)
    return '\n'.join(lines) + '\n'


def testsource(module, name):
    """The script made from the docstring of the object [name] in
    [module]."""
    module = _normalize_module(module)
    matching = [t for t in DocTestFinder().find(module) if t.name == name]
    if not matching:
        raise ValueError(name, 'not found in tests')
    return script_from_examples(matching[0].docstring)


def debug_src(src, pm=False, globs=None):
    raise NotImplementedError('doctest.debug_src needs pdb')


def debug(module, name, pm=False):
    raise NotImplementedError('doctest.debug needs pdb')


# ---------------------------------------------------------------------------
# Command line: python -m doctest [-v] [-o FLAG] file.py|file.txt ...

def _test(argv=None):
    """python -m doctest [-v] [-f] [-o FLAG]... FILE...: .py files are
    imported and given to testmod, other files to testfile.  The exit
    status is 1 after the first file with failures."""
    words = list(sys.argv[1:] if argv is None else argv)
    verbose = False
    flags = 0
    paths = []
    while words:
        word = words.pop(0)
        if word in ('-v', '--verbose'):
            verbose = True
        elif word in ('-f', '--fail-fast'):
            flags |= FAIL_FAST
        elif word in ('-o', '--option') and words:
            flag_name = words.pop(0)
            if flag_name not in OPTIONFLAGS_BY_NAME:
                print('doctest: unknown option flag %r' % flag_name,
                      file=sys.stderr)
                return 2
            flags |= OPTIONFLAGS_BY_NAME[flag_name]
        else:
            paths.append(word)
    if not paths:
        print('usage: python -m doctest [-v] [-o OPTION] [-f] file '
              '[file ...]', file=sys.stderr)
        return 2
    for path in paths:
        if path.endswith('.py'):
            folder, base = os.path.split(path)
            sys.path.insert(0, folder)
            try:
                module = __import__(base[:-3])
            finally:
                del sys.path[0]
            failed = testmod(module, verbose=verbose, optionflags=flags)[0]
        else:
            failed = testfile(path, module_relative=False, verbose=verbose,
                              optionflags=flags)[0]
        if failed:
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(_test())
