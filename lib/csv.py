"""Reading and writing comma-separated values: the reader and writer
functions, DictReader, DictWriter, dialects and a dialect Sniffer.

Design notes
------------
The record parser, the record writer, the validated Dialect type, the
registry of named dialects and the field-size limit are C code: the _csv
module (src/mod/csv.c). Reading and writing rows is the hot path of every
CSV script, and a character-level state machine in Python was several
times slower than CPython's C one. This file keeps the layer that is
naturally Python: the Dialect classes a script subclasses (checked by
building a _csv.Dialect from them), the dict-based reader and writer, and
the Sniffer, which guesses a dialect from a sample with regular
expressions and counting.
"""

import re
from io import StringIO

from _csv import (Error, QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE,
                  field_size_limit, reader, writer, register_dialect,
                  unregister_dialect, get_dialect, list_dialects, __version__)
from _csv import Dialect as _Dialect

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "excel", "excel_tab", "field_size_limit", "reader",
           "writer", "register_dialect", "get_dialect", "list_dialects", "Sniffer",
           "unregister_dialect", "__version__", "DictReader", "DictWriter",
           "unix_dialect"]


class Dialect:
    """A set of formatting parameters: subclass it and set the attributes.

    Making an instance checks the parameters (with the messages of the C
    Dialect type, raised as csv.Error)."""

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
        # The abstract base itself stays "not valid"; only subclasses are.
        if type(self) is not Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as exc:
            raise Error(str(exc))


class excel(Dialect):
    """What Excel writes: commas, double quotes, CRLF line ends."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    """Excel's tab-separated flavour."""
    delimiter = '\t'


class unix_dialect(Dialect):
    """Every field quoted and '\\n' line ends, as Unix tools tend to write."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


register_dialect("excel", excel)
register_dialect("excel-tab", excel_tab)
register_dialect("unix", unix_dialect)


class DictReader:
    """Reads rows as dicts whose keys come from [fieldnames], or from the
    first row when no names are given. Extra values of a long row are
    listed under [restkey]; missing ones of a short row get [restval]."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **fmtparams):
        # A one-shot iterator of names would be used up by the first row.
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **fmtparams)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            # The header row, read lazily so that creating the reader does
            # not consume input.
            self._fieldnames = next(self.reader, None)
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames  # reads the header row first
        row = next(self.reader)
        self.line_num = self.reader.line_num
        # Blank lines carry no record.
        while not row:
            row = next(self.reader)
        names = self.fieldnames
        result = dict(zip(names, row))
        surplus = len(row) - len(names)
        if surplus > 0:
            result[self.restkey] = row[len(names):]
        else:
            for name in names[len(row):]:
                result[name] = self.restval
        return result


class DictWriter:
    """Writes dicts as rows, one column per name of [fieldnames]. Keys the
    dict lacks are written as [restval]; keys it has beyond [fieldnames]
    are an error unless [extrasaction] is 'ignore'."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **fmtparams):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **fmtparams)

    def writeheader(self):
        """Writes the names themselves as a row."""
        return self.writer.writerow(self.fieldnames)

    def _row_values(self, mapping):
        if self.extrasaction == "raise":
            unknown = mapping.keys() - self.fieldnames
            if unknown:
                listed = ", ".join(repr(key) for key in unknown)
                raise ValueError("dict contains fields not in fieldnames: " + listed)
        restval = self.restval
        return [mapping.get(name, restval) for name in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._row_values(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(self._row_values(d) for d in rowdicts)


# The Sniffer looks for a quote character next to a delimiter: first
# "<delim><space?><quote>...<quote><delim>", then a quoted field at the
# start of a line followed by a delimiter.
_QUOTED_PATTERNS = (
    r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?P=delim)',
    r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?P<delim>[^\w\n"\'])(?P<space> ?)',
)


class Sniffer:
    """Guesses a sample's dialect (delimiter, quote character, whether
    spaces follow delimiters) and whether its first row is a header."""

    def __init__(self):
        # Tried in this order when no quoting gives the delimiter away.
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        quotechar, delimiter, spaced = self._from_quotes(sample, delimiters)
        if not delimiter:
            delimiter, spaced = self._from_counts(sample, delimiters)
        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL

        dialect.doublequote = True
        dialect.delimiter = delimiter
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = spaced
        return dialect

    def _from_quotes(self, data, delimiters):
        """(quotechar, delimiter, skipinitialspace) from quoted fields, or
        ('', None, False) when the sample quotes nothing."""
        for pattern in _QUOTED_PATTERNS:
            compiled = re.compile(pattern, re.DOTALL | re.MULTILINE)
            found = list(compiled.finditer(data))
            if found:
                break
        else:
            return ('', None, False)
        quote_votes = {}
        delim_votes = {}
        spaced = 0
        for match in found:
            quote = match.group('quote')
            if quote:
                quote_votes[quote] = quote_votes.get(quote, 0) + 1
            delim = match.group('delim')
            if delim and (delimiters is None or delim in delimiters):
                delim_votes[delim] = delim_votes.get(delim, 0) + 1
            if match.group('space'):
                spaced += 1
        quotechar = max(quote_votes, key=quote_votes.get)
        if not delim_votes:
            return (quotechar, '', False)
        delim = max(delim_votes, key=delim_votes.get)
        all_spaced = delim_votes[delim] == spaced
        return (quotechar, '' if delim == '\n' else delim, all_spaced)

    def _from_counts(self, data, delimiters):
        """The first candidate that appears equally often (and at least
        once) on every non-empty line, and whether a space always follows it."""
        lines = [line for line in data.split('\n') if line]
        for candidate in delimiters or self.preferred:
            per_line = {line.count(candidate) for line in lines}
            if lines and len(per_line) == 1 and min(per_line) > 0:
                spaced = all(line.count(candidate) == line.count(candidate + ' ')
                             for line in lines)
                return (candidate, spaced)
        return ('', False)

    def has_header(self, sample):
        """Votes column by column: a column whose values share a type (a
        number, or a fixed length) votes "header" when the first row's
        value breaks that pattern and "no header" when it fits."""
        rows = reader(StringIO(sample), self.sniff(sample))
        header = next(rows)
        width = len(header)
        kinds = dict.fromkeys(range(width))
        for seen, row in enumerate(rows):
            if seen > 20:
                break
            if len(row) != width:
                continue
            for col in list(kinds):
                try:
                    complex(row[col])
                    kind = complex
                except (ValueError, OverflowError):
                    kind = len(row[col])
                if kinds[col] is None:
                    kinds[col] = kind
                elif kinds[col] != kind:
                    del kinds[col]
        score = 0
        for col, kind in kinds.items():
            if isinstance(kind, int):
                fits = len(header[col]) == kind
            else:
                try:
                    kind(header[col])
                    fits = True
                except (ValueError, TypeError):
                    fits = False
            score += -1 if fits else 1
        return score > 0
