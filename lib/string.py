"""ASCII character-class constants, capwords, $-templates and the Formatter class.

Design notes
------------
Constants: the ASCII sets (letters, digits, punctuation, whitespace...).

Template: "$name", "${name}" and "$$" substitution.  CPython builds a
regular expression per class from delimiter/idpattern/flags.  gilpy scans
by hand instead (_template_tokens) as long as a class changes at most the
literal `delimiter`, so the common case never loads `re`; identifiers are
then ASCII [_A-Za-z][_A-Za-z0-9]*.  A subclass that sets `idpattern`,
`braceidpattern`, `flags` or a whole `pattern` gets a compiled regular
expression instead (__init_subclass__), read through the same four named
groups as CPython's: escaped, named, braced and invalid.  An invalid
placeholder is located where its `invalid` group starts (right after the
delimiter), and the error reports that spot as line and column.

Formatter: the overridable str.format engine of PEP 3101.  CPython gets the
field parser from its C `_string` module; here _format_pieces and
_split_field_name are written in Python, with the same splitting rules and
the same error messages as str.format.  parse() is lazy, like CPython's, so
an error late in a format string surfaces only after the fields before it
were formatted.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

import sys

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = ascii_lowercase.upper()
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdefABCDEF'
octdigits = digits[:8]
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Capitalize each word of [s] (split on [sep], or on whitespace runs) and rejoin.

    With the default sep, leading/trailing whitespace goes and inner runs
    become single spaces.
    """
    words = s.split(sep)
    return (sep or ' ').join([w.capitalize() for w in words])


# --- Template -------------------------------------------------------------------

_NAME_FIRST = frozenset('_' + ascii_letters)
_NAME_REST = frozenset('_' + ascii_letters + digits)

# Token kinds produced by _template_tokens.
_ESCAPE, _NAME, _INVALID = 'escape', 'name', 'invalid'


def _name_end(text, start):
    """End index of the identifier starting at [start], or -1 if none starts there."""
    if start >= len(text) or text[start] not in _NAME_FIRST:
        return -1
    end = start + 1
    while end < len(text) and text[end] in _NAME_REST:
        end += 1
    return end


def _template_tokens(text, delimiter):
    """Yield (kind, start, end, name) for each delimiter use in [text], in order.

    [start, end) is the whole placeholder ("$x", "${x}", "$$"); for an
    invalid one it is just the delimiter, and `name` is where the error is
    reported (just after the delimiter).
    """
    width = len(delimiter)
    at = text.find(delimiter)
    while at >= 0:
        after = at + width
        if text.startswith(delimiter, after):
            yield _ESCAPE, at, after + width, None
            at = text.find(delimiter, after + width)
            continue
        stop = _name_end(text, after)
        if stop > 0:
            yield _NAME, at, stop, text[after:stop]
            at = text.find(delimiter, stop)
            continue
        if text.startswith('{', after):
            stop = _name_end(text, after + 1)
            if stop > 0 and text.startswith('}', stop):
                yield _NAME, at, stop + 1, text[after + 1:stop]
                at = text.find(delimiter, stop + 1)
                continue
        yield _INVALID, at, after, after
        # Keep looking from just after the lone delimiter.
        at = text.find(delimiter, after)


# Default for substitute()'s mapping: "only keywords were given".
_NO_MAPPING = {}


class _KeywordsFirst:
    """Lookups try the keyword arguments, then the mapping given to substitute()."""

    def __init__(self, keywords, mapping):
        self._keywords = keywords
        self._mapping = mapping

    def __getitem__(self, key):
        if key in self._keywords:
            return self._keywords[key]
        return self._mapping[key]


class Template:
    """A string with $name / ${name} placeholders ($$ is a literal $)."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = 2  # re.IGNORECASE, without importing re for plain templates
    # The compiled pattern of a subclass that customises the syntax.
    _regex = None

    def __init__(self, template):
        self.template = template

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if 'pattern' in vars(cls):
            source = cls.pattern
        elif (cls.idpattern is Template.idpattern and cls.braceidpattern is None
              and cls.flags == Template.flags and cls._regex is None):
            return  # the hand scanner handles a plain delimiter change
        else:
            import re
            mark = re.escape(cls.delimiter)
            inner = cls.braceidpattern or cls.idpattern
            source = (mark + '(?:(?P<escaped>' + mark + ')|(?P<named>' + cls.idpattern
                      + ')|\\{(?P<braced>' + inner + ')\\}|(?P<invalid>))')
        if isinstance(source, str):
            import re
            source = re.compile(source, cls.flags | re.VERBOSE)
        cls.pattern = cls._regex = source

    def _tokens(self):
        if self._regex is None:
            return _template_tokens(self.template, self.delimiter)
        return self._regex_tokens()

    def _regex_tokens(self):
        # The same tokens as _template_tokens, read off the subclass's pattern.
        for found in self._regex.finditer(self.template):
            name = found.group('named')
            if name is None:
                name = found.group('braced')
            if name is not None:
                yield _NAME, found.start(), found.end(), name
            elif found.group('escaped') is not None:
                yield _ESCAPE, found.start(), found.end(), None
            elif found.group('invalid') is not None:
                yield _INVALID, found.start(), found.end(), found.start('invalid')
            else:
                raise ValueError('Unrecognized named group in pattern', self.pattern)

    def _lookup_source(self, mapping, kws):
        if mapping is _NO_MAPPING:
            return kws
        if kws:
            return _KeywordsFirst(kws, mapping)
        return mapping

    def _invalid_placeholder(self, index):
        # Line and column (1-based) of [index], the spot after the delimiter.
        lines = self.template[:index].splitlines(True)
        line = len(lines) or 1
        column = len(lines[-1]) if lines else 1
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (line, column))

    def _render(self, values, strict):
        text = self.template
        out = []
        done = 0
        for kind, start, end, name in self._tokens():
            out.append(text[done:start])
            done = end
            if kind is _ESCAPE:
                out.append(self.delimiter)
            elif kind is _INVALID:
                if strict:
                    self._invalid_placeholder(name)
                out.append(text[start:end])
            elif strict:
                out.append(str(values[name]))
            else:
                try:
                    out.append(str(values[name]))
                except KeyError:
                    out.append(text[start:end])
        out.append(text[done:])
        return ''.join(out)

    def substitute(self, mapping=_NO_MAPPING, /, **kws):
        """Fill every placeholder from [mapping] and/or keywords (keywords win).

        A missing name raises KeyError; a malformed placeholder ValueError.
        """
        return self._render(self._lookup_source(mapping, kws), True)

    def safe_substitute(self, mapping=_NO_MAPPING, /, **kws):
        """Like substitute(), but leave unknown or malformed placeholders as they are."""
        return self._render(self._lookup_source(mapping, kws), False)

    def is_valid(self):
        """False if the template has a malformed placeholder (substitute would fail)."""
        return all(kind is not _INVALID for kind, _, _, _ in self._tokens())

    def get_identifiers(self):
        """The placeholder names, each once, in order of first use."""
        seen = {}
        for kind, _, _, name in self._tokens():
            if kind is _NAME:
                seen.setdefault(name, None)
        return list(seen)


# --- Formatter ------------------------------------------------------------------

def _read_field(text, pos):
    """Parse the replacement field whose '{' is just before [pos].

    Returns (name, spec, conversion, index after the closing '}').  The name
    may hold [...] keys containing any character; the spec may nest
    {...} fields, which are counted but left for the caller to expand.
    """
    end = len(text)
    i = pos
    while i < end:
        c = text[i]
        if c == '[':
            close = text.find(']', i + 1)
            if close < 0:
                i = end
                break
            i = close + 1
            continue
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c in '}!:':
            break
        i += 1
    if i >= end:
        raise ValueError("expected '}' before end of string")
    name = text[pos:i]
    conversion = None
    if text[i] == '!':
        if i + 1 >= end:
            raise ValueError("end of string while looking for conversion specifier")
        conversion = text[i + 1]
        i += 2
        if i < end and text[i] not in ':}':
            raise ValueError("expected ':' after conversion specifier")
    if i < end and text[i] == '}':
        return name, '', conversion, i + 1
    # A format spec (after ':') runs to the '}' that balances the field's '{'.
    spec_start = i + 1
    depth = 1
    i = spec_start
    while i < end:
        c = text[i]
        if c == '{':
            depth += 1
        elif c == '}':
            depth -= 1
            if depth == 0:
                return name, text[spec_start:i], conversion, i + 1
        i += 1
    raise ValueError("unmatched '{' in format spec")


def _format_pieces(text):
    """Yield (literal_text, field_name, format_spec, conversion) like str.format sees them.

    A doubled brace ends the literal piece it belongs to (the piece keeps
    one brace); pieces without a field have None in the other three slots.
    """
    end = len(text)
    literal_start = 0
    i = 0
    while i < end:
        c = text[i]
        if c != '{' and c != '}':
            i += 1
            continue
        doubled = i + 1 < end and text[i + 1] == c
        if doubled:
            yield text[literal_start:i + 1], None, None, None
            i += 2
            literal_start = i
        elif c == '}':
            raise ValueError("Single '}' encountered in format string")
        elif i + 1 >= end:
            raise ValueError("Single '{' encountered in format string")
        else:
            literal = text[literal_start:i]
            name, spec, conversion, i = _read_field(text, i + 1)
            yield literal, name, spec, conversion
            literal_start = i
    if literal_start < end:
        yield text[literal_start:], None, None, None


def _as_index(part):
    # Decimal digits make an int index/key, as str.format does; anything
    # else stays a string.
    if not part.isdecimal():
        return part
    value = int(part)
    if value > sys.maxsize:
        raise ValueError("Too many decimal digits in format string")
    return value


def _split_field_name(field_name):
    """Split 'a.b[0]' into ('a', [(True, 'b'), (False, 0)]): True marks an attribute."""
    end = len(field_name)
    i = 0
    while i < end and field_name[i] not in '.[':
        i += 1
    first = _as_index(field_name[:i])
    rest = []
    while i < end:
        if field_name[i] == '.':
            j = i + 1
            while j < end and field_name[j] not in '.[':
                j += 1
            attr = field_name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
            continue
        close = field_name.find(']', i + 1)
        if close < 0:
            raise ValueError("Missing ']' in format string")
        key = field_name[i + 1:close]
        if not key:
            raise ValueError("Empty attribute in format string")
        rest.append((False, _as_index(key)))
        i = close + 1
        if i < end and field_name[i] not in '.[':
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


_MIXED_NUMBERING = ('cannot switch from manual field specification to '
                    'automatic field numbering')


class Formatter:
    """str.format as a class: override parse, get_value, get_field,
    convert_field, format_field or check_unused_args to change one step."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used = set()
        text, _ = self._expand(format_string, args, kwargs, used, 2, 0)
        self.check_unused_args(used, args, kwargs)
        return text

    def _expand(self, format_string, args, kwargs, used, depth, next_auto):
        """Format [format_string]; return (text, next automatic field number).

        [next_auto] is None once manual numbering ({0}) has been seen; nested
        specs share the counter with the outer string.  Each nesting level
        costs one unit of [depth]: a spec inside a spec inside a spec is an
        error.
        """
        if depth < 0:
            raise ValueError('Max string recursion exceeded')
        out = []
        for literal, name, spec, conversion in self.parse(format_string):
            if literal:
                out.append(literal)
            if name is None:
                continue
            if name == '':
                if next_auto is None:
                    raise ValueError(_MIXED_NUMBERING)
                name = str(next_auto)
                next_auto += 1
            elif name.isdigit():
                if next_auto:
                    raise ValueError(_MIXED_NUMBERING)
                next_auto = None
            value, key = self.get_field(name, args, kwargs)
            used.add(key)
            value = self.convert_field(value, conversion)
            spec, next_auto = self._expand(spec, args, kwargs, used, depth - 1, next_auto)
            out.append(self.format_field(value, spec))
        return ''.join(out), next_auto

    def parse(self, format_string):
        """Iterate (literal_text, field_name, format_spec, conversion) over the string."""
        return _format_pieces(format_string)

    def get_field(self, field_name, args, kwargs):
        """Resolve 'key.attr[index]...' to (object, key used)."""
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attribute, part in rest:
            obj = getattr(obj, part) if is_attribute else obj[part]
        return obj, first

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        # Unused arguments are fine by default; subclasses may object.
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier %s" % (conversion,))
