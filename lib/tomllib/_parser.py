"""The TOML reader behind tomllib.

One _Reader walks the text once, statement by statement, keeping a cursor
(self.pos) into it; every value is read by a method that starts at the
cursor and leaves it just past what it read. Errors are raised where the
reader stands, and the positions are those CPython's tomllib reports for
the same document, so that messages match line and column for line and
column (tests/py/stdlib_tomllib compares them).

Which tables a document may still open or extend is kept in a tree of
_Namespace nodes beside the result (see _Namespace): TOML forbids declaring
a table twice, extending an inline table or array after the fact, and
reopening with a header what dotted keys made in an earlier section.
"""

from datetime import date, datetime, time, timedelta, timezone

_CONTROL = frozenset(chr(i) for i in range(32)) | {chr(127)}
_BAD_IN_STRING = _CONTROL - {"\t"}              # also in comments
_BAD_IN_MULTILINE = _CONTROL - {"\t", "\n"}
_BLANK = frozenset(" \t")
_BLANK_OR_NEWLINE = frozenset(" \t\n")
_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_KEY_START = _BARE_KEY | {'"', "'"}
_DIGITS = frozenset("0123456789")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_RADIX_DIGITS = {"x": _HEX_DIGITS, "o": frozenset("01234567"), "b": frozenset("01")}
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
_SPECIAL_FLOATS = ("inf", "nan", "+inf", "-inf", "+nan", "-nan")


class TOMLDecodeError(ValueError):
    """An error raised if a document is not valid TOML."""


def load(fp, /, *, parse_float=float):
    """Parse TOML from a binary file object."""
    data = fp.read()
    try:
        text = data.decode()
    except AttributeError:
        raise TypeError(
            "File must be opened in binary mode, e.g. use `open('foo.toml', 'rb')`"
        ) from None
    return loads(text, parse_float=parse_float)


def loads(s, /, *, parse_float=float):
    """Parse TOML from a string."""
    # TOML lets a reader turn CRLF into LF everywhere, strings included;
    # a lone CR is then an illegal control character wherever it is.
    return _Reader(s.replace("\r\n", "\n"), _checked_float_parser(parse_float)).document()


def _checked_float_parser(parse_float):
    if parse_float is float:
        return float

    def parse(text):
        value = parse_float(text)
        # A dict or list would be taken for a table or an array later on.
        if isinstance(value, (dict, list)):
            raise ValueError("parse_float must not return dicts or lists")
        return value

    return parse


class _Namespace:
    """What the document has said about the table at one key path.

    [declared]: opened by a [header] or [[header]], or made by dotted keys in
    an earlier section; it cannot be declared again. [frozen]: an inline
    table or array, closed to additions, with everything below it.
    """

    __slots__ = ("declared", "frozen", "children")

    def __init__(self):
        self.declared = False
        self.frozen = False
        self.children = {}


class _Namespaces:
    def __init__(self):
        self.root = _Namespace()
        # Tables that dotted keys create are declared only once the section
        # they appear in ends: later keys of the same section may extend them.
        self.pending = []

    def node(self, key, create):
        node = self.root
        for part in key:
            child = node.children.get(part)
            if child is None:
                if not create:
                    return None
                child = node.children[part] = _Namespace()
            node = child
        return node

    def is_declared(self, key):
        node = self.node(key, False) if key else None
        return node is not None and node.declared

    def is_frozen(self, key):
        if not key:
            return False
        node = self.root
        for part in key:
            node = node.children.get(part)
            if node is None:
                return False
            if node.frozen:
                return True
        return False

    def declare(self, key):
        self.node(key, True).declared = True

    def freeze(self, key):
        self.node(key, True).frozen = True

    def forget(self, key):
        """Drops what is known about [key] and below: a new [[key]] element."""
        parent = self.node(key[:-1], False)
        if parent is not None:
            parent.children.pop(key[-1], None)

    def end_section(self):
        for key in self.pending:
            self.declare(key)
        self.pending.clear()


class _Reader:
    def __init__(self, src, parse_float):
        self.src = src
        self.pos = 0
        self.parse_float = parse_float

    # -- positions and errors ------------------------------------------------

    def error(self, message, pos=None):
        src = self.src
        if pos is None:
            pos = self.pos
        if pos >= len(src):
            where = "end of document"
        else:
            line_start = src.rfind("\n", 0, pos) + 1
            where = "line %d, column %d" % (src.count("\n", 0, pos) + 1, pos - line_start + 1)
        return TOMLDecodeError("%s (at %s)" % (message, where))

    def peek(self, offset=0):
        i = self.pos + offset
        return self.src[i] if i < len(self.src) else ""

    def skip(self, chars):
        src, pos, n = self.src, self.pos, len(self.src)
        while pos < n and src[pos] in chars:
            pos += 1
        self.pos = pos

    def skip_to(self, terminator, bad, eof_is_error):
        """Moves to the next [terminator] (or the end), refusing [bad]
        characters on the way; returns where the skipped text started."""
        src, start = self.src, self.pos
        end = src.find(terminator, start)
        if end < 0:
            end = len(src)
            if eof_is_error:
                raise self.error("Expected %r" % terminator, end)
        for i in range(start, end):
            if src[i] in bad:
                raise self.error("Found invalid character %r" % src[i], i)
        self.pos = end
        return start

    def skip_comment(self):
        if self.peek() == "#":
            self.pos += 1
            self.skip_to("\n", _BAD_IN_STRING, False)

    def skip_array_space(self):
        while True:
            before = self.pos
            self.skip(_BLANK_OR_NEWLINE)
            self.skip_comment()
            if self.pos == before:
                return

    # -- statements ----------------------------------------------------------

    def document(self):
        result = {}
        spaces = _Namespaces()
        section = ()
        while True:
            self.skip(_BLANK)
            c = self.peek()
            if not c:
                break
            if c == "\n":
                self.pos += 1
                continue
            if c in _KEY_START:
                self.key_value_statement(result, spaces, section)
                self.skip(_BLANK)
            elif c == "[":
                spaces.end_section()
                if self.peek(1) == "[":
                    section = self.array_table_header(result, spaces)
                else:
                    section = self.table_header(result, spaces)
                self.skip(_BLANK)
            elif c != "#":
                raise self.error("Invalid statement")
            self.skip_comment()
            c = self.peek()
            if not c:
                break
            if c != "\n":
                raise self.error("Expected newline or end of document after a statement")
            self.pos += 1
        return result

    def table_header(self, result, spaces):
        self.pos += 1
        self.skip(_BLANK)
        key = self.key()
        if spaces.is_declared(key) or spaces.is_frozen(key):
            raise self.error("Cannot declare %s twice" % (key,))
        spaces.declare(key)
        if _table_at(result, key, True) is None:
            raise self.error("Cannot overwrite a value")
        if self.peek() != "]":
            raise self.error("Expected ']' at the end of a table declaration")
        self.pos += 1
        return key

    def array_table_header(self, result, spaces):
        self.pos += 2
        self.skip(_BLANK)
        key = self.key()
        if spaces.is_frozen(key):
            raise self.error("Cannot mutate immutable namespace %s" % (key,))
        # A new element: its subtables may be declared afresh.
        spaces.forget(key)
        spaces.declare(key)
        parent = _table_at(result, key[:-1], True)
        elements = None if parent is None else parent.setdefault(key[-1], [])
        if not isinstance(elements, list):
            raise self.error("Cannot overwrite a value")
        elements.append({})
        if not self.src.startswith("]]", self.pos):
            raise self.error("Expected ']]' at the end of an array declaration")
        self.pos += 2
        return key

    def key_value_statement(self, result, spaces, section):
        key, value = self.key_value()
        parent_key = section + key[:-1]
        for i in range(1, len(key)):
            container = section + key[:i]
            if spaces.is_declared(container):
                raise self.error("Cannot redefine namespace %s" % (container,))
            spaces.pending.append(container)
        if spaces.is_frozen(parent_key):
            raise self.error("Cannot mutate immutable namespace %s" % (parent_key,))
        table = _table_at(result, parent_key, True)
        if table is None or key[-1] in table:
            raise self.error("Cannot overwrite a value")
        if isinstance(value, (dict, list)):
            spaces.freeze(section + key)
        table[key[-1]] = value

    # -- keys ----------------------------------------------------------------

    def key_value(self):
        key = self.key()
        if self.peek() != "=":
            raise self.error("Expected '=' after a key in a key/value pair")
        self.pos += 1
        self.skip(_BLANK)
        return key, self.value()

    def key(self):
        parts = [self.key_part()]
        self.skip(_BLANK)
        while self.peek() == ".":
            self.pos += 1
            self.skip(_BLANK)
            parts.append(self.key_part())
            self.skip(_BLANK)
        return tuple(parts)

    def key_part(self):
        c = self.peek()
        if c and c in _BARE_KEY:
            start = self.pos
            self.skip(_BARE_KEY)
            return self.src[start:self.pos]
        if c == "'":
            return self.literal_string()
        if c == '"':
            self.pos += 1
            return self.basic_string(False)
        raise self.error("Invalid initial character for a key part")

    # -- values --------------------------------------------------------------

    def value(self):
        src, pos = self.src, self.pos
        c = self.peek()
        if c == '"':
            if src.startswith('"""', pos):
                return self.multiline_string(False)
            self.pos += 1
            return self.basic_string(False)
        if c == "'":
            if src.startswith("'''", pos):
                return self.multiline_string(True)
            return self.literal_string()
        if c == "t" and src.startswith("true", pos):
            self.pos += 4
            return True
        if c == "f" and src.startswith("false", pos):
            self.pos += 5
            return False
        if c == "[":
            return self.array()
        if c == "{":
            return self.inline_table()
        found = self.date_or_datetime()
        if found is not None:
            return found
        found = self.local_time(pos)
        if found is not None:
            self.pos = found[0]
            return found[1]
        found = self.number()
        if found is not None:
            return found
        for word in _SPECIAL_FLOATS:
            if src.startswith(word, pos):
                self.pos += len(word)
                return self.parse_float(word)
        raise self.error("Invalid value")

    def array(self):
        self.pos += 1
        items = []
        self.skip_array_space()
        if self.peek() == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            self.skip_array_space()
            c = self.peek()
            if c == "]":
                self.pos += 1
                return items
            if c != ",":
                raise self.error("Unclosed array")
            self.pos += 1
            self.skip_array_space()
            if self.peek() == "]":
                self.pos += 1
                return items

    def inline_table(self):
        self.pos += 1
        table = {}
        closed = _Namespaces()
        self.skip(_BLANK)
        if self.peek() == "}":
            self.pos += 1
            return table
        while True:
            key, value = self.key_value()
            if closed.is_frozen(key):
                raise self.error("Cannot mutate immutable namespace %s" % (key,))
            parent = _table_at(table, key[:-1], False)
            if parent is None:
                raise self.error("Cannot overwrite a value")
            if key[-1] in parent:
                raise self.error("Duplicate inline table key %r" % key[-1])
            parent[key[-1]] = value
            self.skip(_BLANK)
            c = self.peek()
            if c == "}":
                self.pos += 1
                return table
            if c != ",":
                raise self.error("Unclosed inline table")
            if isinstance(value, (dict, list)):
                closed.freeze(key)
            self.pos += 1
            self.skip(_BLANK)

    # -- strings -------------------------------------------------------------

    def literal_string(self):
        self.pos += 1
        start = self.skip_to("'", _BAD_IN_STRING, True)
        self.pos += 1
        return self.src[start:self.pos - 1]

    def multiline_string(self, literal):
        self.pos += 3
        if self.peek() == "\n":
            self.pos += 1
        if literal:
            quote = "'"
            start = self.skip_to("'''", _BAD_IN_MULTILINE, True)
            text = self.src[start:self.pos]
            self.pos += 3
        else:
            quote = '"'
            text = self.basic_string(True)
        # A closing run of four or five quotes ends with the last three: the
        # first ones belong to the string.
        for _ in range(2):
            if self.peek() != quote:
                break
            text += quote
            self.pos += 1
        return text

    def basic_string(self, multiline):
        """The rest of a basic string, the opening quote(s) already passed."""
        src, n = self.src, len(self.src)
        bad = _BAD_IN_MULTILINE if multiline else _BAD_IN_STRING
        pieces = []
        pos = start = self.pos
        while True:
            if pos >= n:
                raise self.error("Unterminated string", pos)
            c = src[pos]
            if c == '"':
                if not multiline:
                    pieces.append(src[start:pos])
                    self.pos = pos + 1
                    break
                if src.startswith('"""', pos):
                    pieces.append(src[start:pos])
                    self.pos = pos + 3
                    break
                pos += 1
            elif c == "\\":
                pieces.append(src[start:pos])
                self.pos = pos
                pieces.append(self.escape(multiline))
                pos = start = self.pos
            elif c in bad:
                raise self.error("Illegal character %r" % c, pos)
            else:
                pos += 1
        return "".join(pieces)

    def escape(self, multiline):
        src = self.src
        kind = src[self.pos + 1:self.pos + 2]
        self.pos += 2
        if multiline and kind in (" ", "\t", "\n"):
            # A line-ending backslash: the line break and the blanks around
            # it vanish. Only blanks may come between it and the break.
            if kind != "\n":
                self.skip(_BLANK)
                c = self.peek()
                if not c:
                    return ""
                if c != "\n":
                    raise self.error("Unescaped '\\' in a string")
                self.pos += 1
            self.skip(_BLANK_OR_NEWLINE)
            return ""
        if kind == "u":
            return self.escaped_code_point(4)
        if kind == "U":
            return self.escaped_code_point(8)
        replacement = _ESCAPES.get(kind) if kind else None
        if replacement is None:
            raise self.error("Unescaped '\\' in a string")
        return replacement

    def escaped_code_point(self, digits):
        text = self.src[self.pos:self.pos + digits]
        if len(text) != digits or not _HEX_DIGITS.issuperset(text):
            raise self.error("Invalid hex value")
        self.pos += digits
        code = int(text, 16)
        if not (0 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF):
            raise self.error("Escaped character is not a Unicode scalar value")
        return chr(code)

    # -- numbers, dates and times --------------------------------------------

    def digits_run(self, pos, allowed):
        """The end of a run of [allowed] digits at [pos] in which single
        underscores may separate digits; [pos] itself when there is no
        digit there."""
        src, n = self.src, len(self.src)
        if pos >= n or src[pos] not in allowed:
            return pos
        pos += 1
        while pos < n:
            if src[pos] in allowed:
                pos += 1
            elif src[pos] == "_" and pos + 1 < n and src[pos + 1] in allowed:
                pos += 2
            else:
                break
        return pos

    def number(self):
        src, start = self.src, self.pos
        n = len(src)
        if src.startswith("0", start) and src[start + 1:start + 2] in _RADIX_DIGITS:
            end = self.digits_run(start + 2, _RADIX_DIGITS[src[start + 1]])
            if end > start + 2:
                self.pos = end
                return int(src[start:end], 0)
        pos = start
        if pos < n and src[pos] in "+-":
            pos += 1
        if pos >= n or src[pos] not in _DIGITS:
            return None
        # The integer part: a lone zero, or digits not starting with one.
        pos = pos + 1 if src[pos] == "0" else self.digits_run(pos, _DIGITS)
        whole = pos
        if src.startswith(".", pos):
            end = self.digits_run(pos + 1, _DIGITS)
            if end > pos + 1:
                pos = end
        if pos < n and src[pos] in "eE":
            exponent = pos + 1
            if exponent < n and src[exponent] in "+-":
                exponent += 1
            end = self.digits_run(exponent, _DIGITS)
            if end > exponent:
                pos = end
        self.pos = pos
        text = src[start:pos]
        if pos > whole:
            return self.parse_float(text)
        return int(text, 0)

    def fixed_digits(self, pos, count):
        """The [count]-digit number at [pos], or None."""
        text = self.src[pos:pos + count]
        if len(text) != count or not _DIGITS.issuperset(text):
            return None
        return int(text)

    def two_digits(self, pos, highest):
        value = self.fixed_digits(pos, 2)
        return value if value is not None and value <= highest else None

    def local_time(self, pos):
        """(end, datetime.time) for a time at [pos], or None."""
        src = self.src
        hour = self.two_digits(pos, 23)
        if hour is None or not src.startswith(":", pos + 2):
            return None
        minute = self.two_digits(pos + 3, 59)
        if minute is None or not src.startswith(":", pos + 5):
            return None
        second = self.two_digits(pos + 6, 59)
        if second is None:
            return None
        pos += 8
        micros = 0
        if src.startswith(".", pos):
            end = pos + 1
            while end < len(src) and src[end] in _DIGITS:
                end += 1
            if end > pos + 1:
                # Beyond microseconds, digits are read and dropped.
                micros = int(src[pos + 1:min(end, pos + 7)].ljust(6, "0"))
                pos = end
        return pos, time(hour, minute, second, micros)

    def date_or_datetime(self):
        src, start = self.src, self.pos
        year = self.fixed_digits(start, 4)
        if year is None or not src.startswith("-", start + 4):
            return None
        month = self.two_digits(start + 5, 12)
        if not month or not src.startswith("-", start + 7):
            return None
        day = self.two_digits(start + 8, 31)
        if not day:
            return None
        pos = start + 10
        clock = None
        if src[pos:pos + 1] in ("T", "t", " "):
            clock = self.local_time(pos + 1)
        try:
            if clock is None:
                value = date(year, month, day)
            else:
                pos, t = clock
                zone = None
                c = src[pos:pos + 1]
                if c in ("Z", "z"):
                    zone = timezone.utc
                    pos += 1
                elif c in ("+", "-"):
                    hours = self.two_digits(pos + 1, 23)
                    minutes = self.two_digits(pos + 4, 59)
                    if hours is not None and minutes is not None and src.startswith(":", pos + 3):
                        sign = 1 if c == "+" else -1
                        zone = timezone(timedelta(hours=sign * hours, minutes=sign * minutes))
                        pos += 6
                value = datetime(year, month, day, t.hour, t.minute, t.second, t.microsecond,
                                 tzinfo=zone)
        except ValueError as e:
            raise self.error("Invalid date or datetime") from e
        self.pos = pos
        return value


def _table_at(root, key, into_arrays):
    """The table at [key] under [root], made (empty) where missing; the last
    element of an array of tables stands for the array when [into_arrays].
    None if something other than a table is in the way."""
    table = root
    for part in key:
        if part not in table:
            table[part] = {}
        table = table[part]
        if into_arrays and isinstance(table, list):
            table = table[-1]
        if not isinstance(table, dict):
            return None
    return table
