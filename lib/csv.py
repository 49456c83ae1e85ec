"""CSV file reading and writing: reader, writer, DictReader, DictWriter,
dialects.

Design notes
------------
The reader is a character-level state machine, the same one CPython's C
module uses: a record may span several input lines when a quoted field
contains a newline, a doubled quote inside quotes is one quote, and an
escape character takes the next character literally. The end of each input
line is fed to the machine as a separate "end of line" event so that "\\r\\n",
"\\n" and "\\r" endings all work.

The writer quotes a field only when it must (QUOTE_MINIMAL): when it holds
the delimiter, the quote character, the escape character or a line-break
character, or when it is the only field of the row and empty. Dialects are
validated when a reader or writer is made, with CPython's messages.
"""

import re
from io import StringIO

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "excel", "excel_tab", "field_size_limit", "reader",
           "writer", "register_dialect", "get_dialect", "list_dialects", "Sniffer",
           "unregister_dialect", "__version__", "DictReader", "DictWriter",
           "unix_dialect"]

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

_field_limit = 128 * 1024


class Error(Exception):
    pass


def field_size_limit(*args):
    """Get (and with an argument, set) the maximum field size."""
    global _field_limit
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


class Dialect:
    """Describe a CSV dialect (subclass and set the attributes)."""

    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            raise Error(str(e))


class excel(Dialect):
    """The usual properties of an Excel-generated CSV file."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    """Excel-generated TAB-delimited files."""
    delimiter = '\t'


class unix_dialect(Dialect):
    """Files written on UNIX with '\\n' line endings and every field quoted."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


_dialects = {"excel": excel, "excel-tab": excel_tab, "unix": unix_dialect}


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _Dialect(dialect, **fmtparams) if (dialect is not None or fmtparams) \
        else _Dialect(excel)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    return list(_dialects)


def _char_param(name, value, default, allow_none):
    if value is None:
        if allow_none:
            return None
        value = default
    if not isinstance(value, str):
        raise TypeError('"%s" must be string or None, not %s' % (name, type(value).__name__)
                        if allow_none else
                        '"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class _Dialect:
    """A validated, read-only set of formatting parameters."""

    def __init__(self, dialect=None, **kw):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)

        def param(name, default):
            if name in kw:
                return kw[name]
            if dialect is not None and getattr(dialect, name, None) is not None:
                return getattr(dialect, name)
            return default

        for name in kw:
            if name not in ('delimiter', 'quotechar', 'escapechar', 'doublequote',
                            'skipinitialspace', 'lineterminator', 'quoting', 'strict'):
                raise TypeError("'%s' is an invalid keyword argument for this function" % name)
        quoting = param('quoting', QUOTE_MINIMAL)
        if not isinstance(quoting, int) or quoting not in range(4):
            raise TypeError('bad "quoting" value')
        self.quoting = quoting
        self.delimiter = _char_param('delimiter', param('delimiter', ','), ',', False)
        quotechar = kw['quotechar'] if 'quotechar' in kw else (
            getattr(dialect, 'quotechar', '"') if dialect is not None else '"')
        if quotechar is None and quoting != QUOTE_NONE:
            raise TypeError('quotechar must be set if quoting enabled')
        self.quotechar = _char_param('quotechar', quotechar, '"', True)
        self.escapechar = _char_param('escapechar', param('escapechar', None), None, True)
        self.doublequote = bool(param('doublequote', True))
        self.skipinitialspace = bool(param('skipinitialspace', False))
        lineterminator = param('lineterminator', '\r\n')
        if not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        self.lineterminator = lineterminator
        self.strict = bool(param('strict', False))
        if self.delimiter == ' ' and self.skipinitialspace and False:
            pass


# Reader states.
(START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
 ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL) = range(9)

_EOL = object()


class _Reader:
    """Iterator over the records of an iterable of lines."""

    def __init__(self, iterable, dialect):
        self._input = iter(iterable)
        self.dialect = dialect
        self.line_num = 0
        # Characters that force the state machine; a line without any of
        # them (the common case) is split with str.split instead.
        self._special = [c for c in (dialect.quotechar, dialect.escapechar, '\r', '\n', '\0')
                         if c is not None]
        self._fast = (dialect.quoting != QUOTE_NONNUMERIC and not dialect.skipinitialspace)

    def _split_simple(self, line):
        """The fields of a complete record line with nothing to interpret,
        or None when the line needs the state machine."""
        body = line
        if body.endswith('\r\n'):
            body = body[:-2]
        elif body.endswith('\n') or body.endswith('\r'):
            body = body[:-1]
        for c in self._special:
            if c in body:
                return None
        if not body:
            return []
        fields = body.split(self.dialect.delimiter)
        for f in fields:
            if len(f) > _field_limit:
                return None
        return fields

    def __iter__(self):
        return self

    def _reset(self):
        self._fields = []
        self._field = []
        self._state = START_RECORD
        self._numeric = False

    def _save_field(self):
        field = ''.join(self._field)
        if self._numeric:
            self._numeric = False
            field = float(field)
        self._fields.append(field)
        self._field = []

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)

    def __next__(self):
        self._reset()
        while True:
            try:
                line = next(self._input)
            except StopIteration:
                if len(self._field) != 0 or self._state == IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            if self._fast and self._state == START_RECORD:
                fields = self._split_simple(line)
                if fields is not None:
                    return fields
            for c in line:
                if c == '\0':
                    raise Error("line contains NUL")
                self._process(c)
            self._process(_EOL)
            if self._state == START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields

    def _process(self, c):
        d = self.dialect
        state = self._state
        if state == START_RECORD:
            if c is _EOL:
                return
            if c == '\n' or c == '\r':
                self._state = EAT_CRNL
                return
            state = self._state = START_FIELD
        if state == START_FIELD:
            if c == '\n' or c == '\r' or c is _EOL:
                self._save_field()
                self._state = START_RECORD if c is _EOL else EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = ESCAPED_CHAR
            elif c == ' ' and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save_field()
            else:
                if d.quoting == QUOTE_NONNUMERIC:
                    self._numeric = True
                self._add_char(c)
                self._state = IN_FIELD
        elif state == ESCAPED_CHAR:
            if c == '\n' or c == '\r':
                self._add_char(c)
                self._state = AFTER_ESCAPED_CRNL
                return
            if c is _EOL:
                c = '\n'
            self._add_char(c)
            self._state = IN_FIELD
        elif state == AFTER_ESCAPED_CRNL:
            if c is _EOL:
                return
            self._state = IN_FIELD
            self._process(c)
        elif state == IN_FIELD:
            if c == '\n' or c == '\r' or c is _EOL:
                self._save_field()
                self._state = START_RECORD if c is _EOL else EAT_CRNL
            elif c == d.escapechar:
                self._state = ESCAPED_CHAR
            elif c == d.delimiter:
                self._save_field()
                self._state = START_FIELD
            else:
                self._add_char(c)
        elif state == IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d.escapechar:
                self._state = ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                if d.doublequote:
                    self._state = QUOTE_IN_QUOTED_FIELD
                else:
                    self._state = IN_FIELD
            else:
                self._add_char(c)
        elif state == ESCAPE_IN_QUOTED_FIELD:
            if c is _EOL:
                c = '\n'
            self._add_char(c)
            self._state = IN_QUOTED_FIELD
        elif state == QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                self._state = IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save_field()
                self._state = START_FIELD
            elif c == '\n' or c == '\r' or c is _EOL:
                self._save_field()
                self._state = START_RECORD if c is _EOL else EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = IN_FIELD
            else:
                raise Error("'%c' expected after '%c'" % (d.delimiter, d.quotechar))
        elif state == EAT_CRNL:
            if c == '\n' or c == '\r':
                pass
            elif c is _EOL:
                self._state = START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file in universal-newline mode?")


def reader(csvfile, dialect='excel', **fmtparams):
    """An iterator of rows (lists of strings) from an iterable of lines."""
    return _Reader(csvfile, _Dialect(dialect, **fmtparams))


class _Writer:
    """Writes rows as delimited lines to a file-like object."""

    def __init__(self, fileobj, dialect):
        self._write = fileobj.write
        self.dialect = dialect
        self._specials = tuple(c for c in (dialect.delimiter, dialect.quotechar,
                                           dialect.escapechar, '\n', '\r')
                               if c is not None) + tuple(dialect.lineterminator)

    def _quote_field(self, field, quoted, only_field):
        d = self.dialect
        if field:
            for c in self._specials:
                if c in field:
                    break
            else:
                return d.quotechar + field + d.quotechar if quoted else field
        specials = (d.delimiter, d.quotechar, d.escapechar, '\n', '\r') + tuple(d.lineterminator)
        need_quote = quoted
        out = []
        for ch in field:
            want_escape = False
            if ch in specials and ch is not None:
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if ch == d.quotechar:
                        if d.doublequote:
                            out.append(d.quotechar)
                        else:
                            want_escape = True
                    elif ch == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        need_quote = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
            out.append(ch)
        text = ''.join(out)
        if not field and only_field:
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            need_quote = True
        if need_quote:
            text = d.quotechar + text + d.quotechar
        return text

    def writerow(self, row):
        """Write one row; returns what the file's write() returned."""
        d = self.dialect
        try:
            fields = list(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__)
        parts = []
        for field in fields:
            if d.quoting == QUOTE_NONNUMERIC:
                quoted = not isinstance(field, (int, float)) or isinstance(field, bool)
            else:
                quoted = d.quoting == QUOTE_ALL
            if field is None:
                text = ''
            elif isinstance(field, str):
                text = field
            elif isinstance(field, float):
                text = repr(field)
            else:
                text = str(field)
            parts.append(self._quote_field(text, quoted, len(fields) == 1))
        return self._write(d.delimiter.join(parts) + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect='excel', **fmtparams):
    """A writer that turns rows into delimited lines on [csvfile]."""
    return _Writer(csvfile, _Dialect(dialect, **fmtparams))


class DictReader:
    """Rows as dicts keyed by the header row (or [fieldnames])."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    """Writes dicts as rows in [fieldnames] order."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


class Sniffer:
    """Guesses the dialect of a sample (delimiter and quote character)."""

    def __init__(self):
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        quotechar, delimiter, skipinitialspace = self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample, delimiters)
        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL

        dialect.doublequote = True
        dialect.delimiter = delimiter
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    def _guess_quote_and_delimiter(self, data, delimiters):
        for restr in (r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?P=delim)',
                      r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?P<delim>[^\w\n"\'])(?P<space> ?)'):
            regexp = re.compile(restr, re.DOTALL | re.MULTILINE)
            matches = regexp.findall(data)
            if matches:
                break
        else:
            return ('', None, False)
        quotes = {}
        delims = {}
        spaces = 0
        groupindex = regexp.groupindex
        for m in matches:
            key = m[groupindex['quote'] - 1]
            if key:
                quotes[key] = quotes.get(key, 0) + 1
            try:
                key = m[groupindex['delim'] - 1]
            except KeyError:
                continue
            if key and (delimiters is None or key in delimiters):
                delims[key] = delims.get(key, 0) + 1
            try:
                if m[groupindex['space'] - 1]:
                    spaces += 1
            except KeyError:
                pass
        quotechar = max(quotes, key=quotes.get)
        if delims:
            delim = max(delims, key=delims.get)
            skipinitialspace = delims[delim] == spaces
            if delim == '\n':
                delim = ''
        else:
            delim = ''
            skipinitialspace = False
        return (quotechar, delim, skipinitialspace)

    def _guess_delimiter(self, data, delimiters):
        lines = [line for line in data.split('\n') if line]
        candidates = delimiters or self.preferred
        best = None
        for delim in candidates:
            counts = [line.count(delim) for line in lines]
            if counts and min(counts) > 0 and len(set(counts)) == 1:
                best = delim
                break
        if best is None:
            return ('', False)
        skipinitialspace = all(line.count(best) == line.count(best + ' ') for line in lines)
        return (best, skipinitialspace)

    def has_header(self, sample):
        rdr = reader(StringIO(sample), self.sniff(sample))
        header = next(rdr)
        columns = len(header)
        column_types = {}
        for i in range(columns):
            column_types[i] = None
        checked = 0
        for row in rdr:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for col in list(column_types.keys()):
                thisType = complex
                try:
                    thisType(row[col])
                except (ValueError, OverflowError):
                    thisType = len(row[col])
                if thisType != column_types[col]:
                    if column_types[col] is None:
                        column_types[col] = thisType
                    else:
                        del column_types[col]
        hasHeader = 0
        for col, colType in column_types.items():
            if type(colType) == type(0):
                if len(header[col]) != colType:
                    hasHeader += 1
                else:
                    hasHeader -= 1
            else:
                try:
                    colType(header[col])
                except (ValueError, TypeError):
                    hasHeader += 1
                else:
                    hasHeader -= 1
        return hasHeader > 0
