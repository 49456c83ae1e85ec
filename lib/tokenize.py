"""Split Python source into tokens, as CPython 3.11's tokenize module does.

Design notes
------------
The scanner works a line at a time, the way the readline interface hands
the text over, and keeps three pieces of state between lines: the stack of
indentation columns, the bracket depth (inside brackets a line break is NL
rather than NEWLINE and indentation means nothing), and an unfinished string
(a triple-quoted one, or a quoted one continued with a backslash), which
swallows whole lines until its closing quote turns up.

Within a line, _scan() finds the next token after optional blanks. It tries
the token shapes in a fixed order, and that order is part of the contract,
because it decides what a malformed line turns into: a line break after a
backslash, end of line, a comment, the opening of a triple-quoted string, a
number, a line break, an operator, a complete one-line string, a name. When
nothing fits, the single character where the blanks began becomes an
ERRORTOKEN, so "a $b" reports the blank and the dollar separately and a
quote that is never closed is reported as a lone quote followed by names.

Numbers follow the same first-fit order as the language reference grammar:
an imaginary literal is tried before a float, and a float before an integer,
so "1_000j", "1.e5" and "0x_ff" each come out as one NUMBER while "1__0"
becomes the NUMBER 1 and the NAME __0.

f-strings are single STRING tokens in 3.11: the scanner treats the f prefix
like any other.
"""

import codecs
import io
import re
from collections import namedtuple

from token import *
from token import EXACT_TOKEN_TYPES

import token as _token
__all__ = _token.__all__ + ['tokenize', 'generate_tokens', 'detect_encoding', 'untokenize',
                            'TokenInfo']
del _token

tabsize = 8

_token_tuple = namedtuple('TokenInfo', 'type string start end line')


class TokenInfo(_token_tuple):
    """One token: its type, its text, where it starts and ends as (row,
    column) pairs, and the physical line it was found on."""

    __slots__ = ()

    def __repr__(self):
        kind = '%d (%s)' % (self.type, tok_name[self.type])
        return ('TokenInfo(type=%s, string=%r, start=%r, end=%r, line=%r)'
                % (kind, self.string, self.start, self.end, self.line))

    @property
    def exact_type(self):
        """The operator's own type (PLUS, LPAR...) for an OP token, else type."""
        if self.type == OP and self.string in EXACT_TOKEN_TYPES:
            return EXACT_TOKEN_TYPES[self.string]
        return self.type


class TokenError(Exception):
    pass


class StopTokenizing(Exception):
    pass


# -------------------------------------------------------------------------
# Recognising one token
# -------------------------------------------------------------------------

_BLANKS = ' \f\t'
_DIGITS = '0123456789'
_RADIX_DIGITS = {'x': '0123456789abcdefABCDEF', 'o': '01234567', 'b': '01'}
_PREFIXES = {'', 'b', 'r', 'u', 'f', 'br', 'rb', 'fr', 'rf'}
# Longest operators first, so that '**=' wins over '**' and '*'.
_OPERATORS = sorted(EXACT_TOKEN_TYPES, key=len, reverse=True)


def _digit_run(s, i, allowed=_DIGITS):
    # One digit, then digits each optionally preceded by one underscore.
    # Returns the end, or -1 when there is no first digit.
    n = len(s)
    if i >= n or s[i] not in allowed:
        return -1
    i += 1
    while i < n:
        if s[i] in allowed:
            i += 1
        elif s[i] == '_' and i + 1 < n and s[i + 1] in allowed:
            i += 2
        else:
            break
    return i


def _exponent_end(s, i):
    if i < len(s) and s[i] in 'eE':
        j = i + 1
        if j < len(s) and s[j] in '+-':
            j += 1
        return _digit_run(s, j)
    return -1


def _float_end(s, i):
    whole = _digit_run(s, i)
    end = -1
    if whole >= 0 and whole < len(s) and s[whole] == '.':
        fraction = _digit_run(s, whole + 1)
        end = fraction if fraction >= 0 else whole + 1
    elif whole < 0 and s.startswith('.', i):
        end = _digit_run(s, i + 1)
    if end >= 0:
        exponent = _exponent_end(s, end)
        return exponent if exponent >= 0 else end
    # Digits with an exponent and no point.
    return _exponent_end(s, whole) if whole >= 0 else -1


def _number_end(s, i):
    whole = _digit_run(s, i)
    if whole >= 0 and whole < len(s) and s[whole] in 'jJ':
        return whole + 1
    end = _float_end(s, i)
    if end >= 0:
        return end + 1 if end < len(s) and s[end] in 'jJ' else end
    if s.startswith('0', i) and i + 1 < len(s) and s[i + 1].lower() in _RADIX_DIGITS:
        allowed = _RADIX_DIGITS[s[i + 1].lower()]
        j = i + 2
        if j < len(s) and s[j] == '_':
            j += 1
        end = _digit_run(s, j, allowed)
        if end >= 0:
            return end
    if s.startswith('0', i):
        return _digit_run(s, i, '0')
    return whole


def _string_prefix(s, i):
    # The length of a string prefix at i that a quote follows, or -1.
    for size in (2, 1, 0):
        if s[i:i + size].lower() in _PREFIXES and s[i + size:i + size + 1] in ('"', "'"):
            return size
    return -1


def _close_quote(s, i, quote):
    # Where a string whose closing [quote] (one or three characters) is
    # sought from i ends on this line: past the closing quote, or -1. A
    # backslash escapes the next character, but not the line's end.
    n = len(s)
    while i < n:
        c = s[i]
        if c == '\\':
            if i + 1 >= n or s[i + 1] == '\n':
                return -1
            i += 2
        elif s.startswith(quote, i):
            return i + len(quote)
        else:
            i += 1
    return -1


def _one_line_string_end(s, i):
    # A quoted string that ends on this line, or that a backslash continues
    # onto the next (the token then ends with the line break); else -1.
    quote = s[i]
    i += 1
    n = len(s)
    while i < n:
        c = s[i]
        if c == quote:
            return i + 1
        if c == '\n':
            return -1
        if c == '\\':
            if s.startswith('\n', i + 1):
                return i + 2
            if s.startswith('\r\n', i + 1):
                return i + 3
            if i + 1 >= n:
                return -1
            i += 2
        else:
            i += 1
    return -1


def _is_word(c):
    return c.isalnum() or c == '_'


def _scan(line, pos):
    """Find the next token at or after pos: (start, end, shape), where
    shape is one of 'end' (the line is used up), 'continuation', 'comment',
    'triple' (an opening triple quote), 'number', 'newline', 'operator',
    'string' and 'word'; None when nothing fits."""
    n = len(line)
    start = pos
    while start < n and line[start] in _BLANKS:
        start += 1
    if start == n:
        return start, start, 'end'
    c = line[start]
    if c == '\\':
        if line.startswith('\n', start + 1):
            return start, start + 2, 'continuation'
        if line.startswith('\r\n', start + 1):
            return start, start + 3, 'continuation'
    if c == '#':
        end = start
        while end < n and line[end] not in '\r\n':
            end += 1
        return start, end, 'comment'
    prefix = _string_prefix(line, start)
    quote_at = start + prefix
    if prefix >= 0 and line.startswith(line[quote_at] * 3, quote_at):
        return start, quote_at + 3, 'triple'
    if c in _DIGITS or (c == '.' and start + 1 < n and line[start + 1] in _DIGITS):
        end = _number_end(line, start)
        if end > start:
            return start, end, 'number'
    if line.startswith('\n', start):
        return start, start + 1, 'newline'
    if line.startswith('\r\n', start):
        return start, start + 2, 'newline'
    for op in _OPERATORS:
        if line.startswith(op, start):
            return start, start + len(op), 'operator'
    if prefix >= 0:
        end = _one_line_string_end(line, quote_at)
        if end >= 0:
            return start, end, 'string'
    if _is_word(c):
        end = start + 1
        while end < n and _is_word(line[end]):
            end += 1
        return start, end, 'word'
    return None


# -------------------------------------------------------------------------
# The tokenizer
# -------------------------------------------------------------------------


def _indent_column(line):
    # The indentation's width (tabs to the next multiple of 8, a form feed
    # resets) and where the text starts.
    column = pos = 0
    for c in line:
        if c == ' ':
            column += 1
        elif c == '\t':
            column = (column // tabsize + 1) * tabsize
        elif c == '\f':
            column = 0
        else:
            break
        pos += 1
    return column, pos


def _tokens(readline, encoding):
    if encoding is not None:
        if encoding == 'utf-8-sig':
            encoding = 'utf-8'
        yield TokenInfo(ENCODING, encoding, (0, 0), (0, 0), '')
    lnum = depth = 0
    continued = False
    indents = [0]
    # An unfinished string: its text so far, where it began, the lines it
    # spans, the closing quote it waits for, and whether it is a one-line
    # string continued by a backslash.
    pending = None
    line = ''
    while True:
        previous = line
        try:
            line = readline()
        except StopIteration:
            line = b''
        if encoding is not None and isinstance(line, bytes):
            line = line.decode(encoding)
        lnum += 1
        pos, size = 0, len(line)

        if pending is not None:
            text, begin, lines, quote, by_backslash = pending
            if not line:
                raise TokenError('EOF in multi-line string', begin)
            end = _close_quote(line, 0, quote)
            if end >= 0:
                pos = end
                yield TokenInfo(STRING, text + line[:end], begin, (lnum, end), lines + line)
                pending = None
            elif by_backslash and not line.endswith(('\\\n', '\\\r\n')):
                yield TokenInfo(ERRORTOKEN, text + line, begin, (lnum, len(line)), lines)
                pending = None
                continue
            else:
                pending = (text + line, begin, lines + line, quote, by_backslash)
                continue

        elif depth == 0 and not continued:
            if not line:
                break
            column, pos = _indent_column(line)
            if pos == size:
                break
            if line[pos] in '#\r\n':
                # A blank or comment-only line: no indentation change.
                if line[pos] == '#':
                    comment = line[pos:].rstrip('\r\n')
                    yield TokenInfo(COMMENT, comment, (lnum, pos), (lnum, pos + len(comment)),
                                    line)
                    pos += len(comment)
                yield TokenInfo(NL, line[pos:], (lnum, pos), (lnum, len(line)), line)
                continue
            if column > indents[-1]:
                indents.append(column)
                yield TokenInfo(INDENT, line[:pos], (lnum, 0), (lnum, pos), line)
            while column < indents[-1]:
                if column not in indents:
                    raise IndentationError(
                        'unindent does not match any outer indentation level',
                        ('<tokenize>', lnum, pos, line))
                indents.pop()
                yield TokenInfo(DEDENT, '', (lnum, pos), (lnum, pos), line)

        else:
            if not line:
                raise TokenError('EOF in multi-line statement', (lnum, 0))
            continued = False

        while pos < size:
            found = _scan(line, pos)
            if found is None:
                yield TokenInfo(ERRORTOKEN, line[pos], (lnum, pos), (lnum, pos + 1), line)
                pos += 1
                continue
            start, end, shape = found
            pos = end
            if shape == 'end':
                continue
            token = line[start:end]
            spos, epos = (lnum, start), (lnum, end)
            if shape == 'number':
                yield TokenInfo(NUMBER, token, spos, epos, line)
            elif shape == 'newline':
                yield TokenInfo(NL if depth > 0 else NEWLINE, token, spos, epos, line)
            elif shape == 'comment':
                yield TokenInfo(COMMENT, token, spos, epos, line)
            elif shape == 'continuation':
                continued = True
            elif shape == 'triple':
                quote = token[-3:]
                close = _close_quote(line, pos, quote)
                if close < 0:
                    pending = (line[start:], spos, line, quote, False)
                    break
                pos = close
                yield TokenInfo(STRING, line[start:close], spos, (lnum, close), line)
            elif shape == 'string':
                if token[-1] == '\n':
                    # A backslash carries the string onto the next line.
                    quote = token.lstrip('bBrRuUfF')[0]
                    pending = (line[start:], spos, line, quote, True)
                    break
                yield TokenInfo(STRING, token, spos, epos, line)
            elif shape == 'word' and token[0].isidentifier():
                yield TokenInfo(NAME, token, spos, epos, line)
            else:
                if token in ('(', '[', '{'):
                    depth += 1
                elif token in (')', ']', '}'):
                    depth -= 1
                yield TokenInfo(OP, token, spos, epos, line)

    # A last line without a line break still ends its statement.
    if previous and previous[-1] not in '\r\n' and not previous.strip().startswith('#'):
        yield TokenInfo(NEWLINE, '', (lnum - 1, len(previous)), (lnum - 1, len(previous) + 1), '')
    for _ in indents[1:]:
        yield TokenInfo(DEDENT, '', (lnum, 0), (lnum, 0), '')
    yield TokenInfo(ENDMARKER, '', (lnum, 0), (lnum, 0), '')


def generate_tokens(readline):
    """Tokenize str lines from [readline] (no ENCODING token)."""
    return _tokens(readline, None)


def tokenize(readline):
    """Tokenize bytes lines from [readline]: an ENCODING token first, then
    the tokens of the text decoded as detect_encoding() decides."""
    encoding, consumed = detect_encoding(readline)
    lines = iter(consumed)

    def next_line():
        for line in lines:
            return line
        return readline()

    return _tokens(next_line, encoding)


# -------------------------------------------------------------------------
# Encodings
# -------------------------------------------------------------------------

_COOKIE = re.compile(r'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)', re.ASCII)
_BLANK = re.compile(br'^[ \t\f]*(?:[#\r\n]|$)', re.ASCII)


def _canonical_encoding(name):
    # The spellings the parser treats as utf-8 and latin-1, folded.
    short = name[:12].lower().replace('_', '-')
    if short == 'utf-8' or short.startswith('utf-8-'):
        return 'utf-8'
    for latin in ('latin-1', 'iso-8859-1', 'iso-latin-1'):
        if short == latin or short.startswith(latin + '-'):
            return 'iso-8859-1'
    return name


def detect_encoding(readline):
    """Read at most two lines from [readline] to find the source encoding:
    a UTF-8 byte order mark, or a coding cookie on the first line (or on the
    second when the first is blank or a comment). Returns the encoding and
    the lines read, as bytes."""
    try:
        filename = readline.__self__.name
    except AttributeError:
        filename = None
    bom = False
    default = 'utf-8'

    def read():
        try:
            return readline()
        except StopIteration:
            return b''

    def cookie(line):
        try:
            text = line.decode('utf-8')
        except UnicodeDecodeError:
            message = 'invalid or missing encoding declaration'
            if filename is not None:
                message = '{} for {!r}'.format(message, filename)
            raise SyntaxError(message)
        match = _COOKIE.match(text)
        if not match:
            return None
        name = _canonical_encoding(match.group(1))
        try:
            codecs.lookup(name)
        except LookupError:
            if filename is None:
                raise SyntaxError('unknown encoding: ' + name)
            raise SyntaxError('unknown encoding for {!r}: {}'.format(filename, name))
        if bom:
            if name != 'utf-8':
                if filename is None:
                    raise SyntaxError('encoding problem: utf-8')
                raise SyntaxError('encoding problem for {!r}: utf-8'.format(filename))
            name += '-sig'
        return name

    first = read()
    if first.startswith(codecs.BOM_UTF8):
        bom = True
        first = first[3:]
        default = 'utf-8-sig'
    if not first:
        return default, []
    found = cookie(first)
    if found:
        return found, [first]
    if not _BLANK.match(first):
        return default, [first]
    second = read()
    if not second:
        return default, [first]
    found = cookie(second)
    if found:
        return found, [first, second]
    return default, [first, second]


def open(filename):
    """Open a Python source file as text in the encoding it declares."""
    buffer = io.open(filename, 'rb')
    try:
        encoding, _ = detect_encoding(buffer.readline)
        buffer.seek(0)
        text = io.TextIOWrapper(buffer, encoding, line_buffering=True)
        text.mode = 'r'
        return text
    except BaseException:
        buffer.close()
        raise


# -------------------------------------------------------------------------
# Back to text
# -------------------------------------------------------------------------


class Untokenizer:
    """Rebuilds source from tokens. Full 5-tuples put every token back at
    its column (so the text round-trips); (type, string) pairs only give
    text that tokenizes the same."""

    def __init__(self):
        self.tokens = []
        self.prev_row = 1
        self.prev_col = 0
        self.encoding = None

    def add_whitespace(self, start):
        row, col = start
        if row < self.prev_row or row == self.prev_row and col < self.prev_col:
            raise ValueError('start ({},{}) precedes previous end ({},{})'
                             .format(row, col, self.prev_row, self.prev_col))
        if row > self.prev_row:
            # Rows skipped without a line-break token were continuations.
            self.tokens.append('\\\n' * (row - self.prev_row))
            self.prev_col = 0
        if col > self.prev_col:
            self.tokens.append(' ' * (col - self.prev_col))

    def untokenize(self, iterable):
        tokens = iter(iterable)
        indents = []
        line_start = False
        for tok in tokens:
            if len(tok) == 2:
                self.compat(tok, tokens)
                break
            kind, text, start, end, _ = tok
            if kind == ENCODING:
                self.encoding = text
                continue
            if kind == ENDMARKER:
                break
            if kind == INDENT:
                indents.append(text)
                continue
            if kind == DEDENT:
                indents.pop()
                self.prev_row, self.prev_col = end
                continue
            if kind in (NEWLINE, NL):
                line_start = True
            elif line_start and indents:
                if start[1] >= len(indents[-1]):
                    self.tokens.append(indents[-1])
                    self.prev_col = len(indents[-1])
                line_start = False
            self.add_whitespace(start)
            self.tokens.append(text)
            self.prev_row, self.prev_col = end
            if kind in (NEWLINE, NL):
                self.prev_row += 1
                self.prev_col = 0
        return ''.join(self.tokens)

    def compat(self, first, rest):
        indents = []
        line_start = first[0] in (NEWLINE, NL)
        after_string = False
        for tok in [first, *rest]:
            kind, text = tok[:2]
            if kind == ENCODING:
                self.encoding = text
                continue
            if kind in (NAME, NUMBER):
                text += ' '
            # Adjacent strings need a blank or they would merge.
            if kind == STRING:
                if after_string:
                    text = ' ' + text
                after_string = True
            else:
                after_string = False
            if kind == INDENT:
                indents.append(text)
                continue
            if kind == DEDENT:
                indents.pop()
                continue
            if kind in (NEWLINE, NL):
                line_start = True
            elif line_start and indents:
                self.tokens.append(indents[-1])
                line_start = False
            self.tokens.append(text)


def untokenize(iterable):
    """Turn tokens back into source: str, or bytes in the encoding of an
    ENCODING token when the tokens start with one."""
    builder = Untokenizer()
    text = builder.untokenize(iterable)
    if builder.encoding is not None:
        text = text.encode(builder.encoding)
    return text
