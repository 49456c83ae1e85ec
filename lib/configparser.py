"""INI-style configuration files: ConfigParser and RawConfigParser.

Design notes
------------
A parser holds one dict per section (option name -> raw string, or None for
a valueless option) plus a dict of defaults, the [DEFAULT] section, which
every other section sees through.  Values are stored raw; interpolation
happens on the way out (get, items, mapping access), so changing a default
changes every value that refers to it.

Reading is line based.  A line whose first non-blank text starts with a
comment prefix is skipped; inline comment prefixes only count after
whitespace.  "[name]" opens a section; "key = value" (any of the delimiters)
adds an option; a line indented deeper than its option's line continues that
option's value, and blank lines inside a value are kept unless
empty_lines_in_values is off (trailing ones are trimmed when the file ends).
Lines that make no sense are collected into one ParsingError raised at the
end, so a single read reports every bad line.  In strict mode (the default) a
section or option given twice in one source is an error.

Interpolation is a strategy object with four hooks (before_get, before_set,
before_read, before_write).  Interpolation does nothing; BasicInterpolation
expands %(name)s from the same section and the defaults; ExtendedInterpolation
expands ${name} and ${section:name}.  Both stop after MAX_INTERPOLATION_DEPTH
nested expansions.

The parser is a mapping of section name -> SectionProxy, DEFAULT included,
and each proxy is a mapping of option -> interpolated value.

Left out: LegacyInterpolation, SafeConfigParser and readfp (deprecated).
"""

import functools
import io
import itertools
import os
import re
import sys
from collections import ChainMap
from collections.abc import MutableMapping

__all__ = """
    NoSectionError DuplicateOptionError DuplicateSectionError NoOptionError
    InterpolationError InterpolationDepthError InterpolationMissingOptionError
    InterpolationSyntaxError ParsingError MissingSectionHeaderError
    ConfigParser RawConfigParser Interpolation BasicInterpolation
    ExtendedInterpolation SectionProxy ConverterMapping DEFAULTSECT
    MAX_INTERPOLATION_DEPTH
""".split()

DEFAULTSECT = "DEFAULT"
MAX_INTERPOLATION_DEPTH = 10

# Marks "argument not given" where None is a meaningful value.
_UNSET = object()


# --- Errors ---------------------------------------------------------------------

class Error(Exception):
    """Base class for configparser errors; str() is the message."""

    # Constructor arguments kept as attributes (and as .args) by subclasses.
    _fields = ()

    def __init__(self, msg=''):
        super().__init__(msg)
        self.message = msg

    def _keep(self, *values):
        # Store the constructor arguments under their _fields names.
        for field, value in zip(self._fields, values):
            setattr(self, field, value)
        self.args = values

    def __repr__(self):
        return self.message

    __str__ = __repr__


def _where(source, lineno):
    # "While reading from 'x.ini' [line  3]: " for errors found while reading.
    text = "While reading from %r" % (source,)
    if lineno is not None:
        text += " [line %2d]" % lineno
    return text + ": "


class NoSectionError(Error):
    """A section that does not exist was asked for."""

    _fields = ('section',)

    def __init__(self, section):
        super().__init__('No section: ' + repr(section))
        self._keep(section)


class DuplicateSectionError(Error):
    """A section was added twice (or appeared twice in one strict read)."""

    _fields = ('section', 'source', 'lineno')

    def __init__(self, section, source=None, lineno=None):
        tail = "ection %r already exists" % (section,)
        if source is None:
            super().__init__("S" + tail)
        else:
            super().__init__(_where(source, lineno) + "s" + tail)
        self._keep(section, source, lineno)


class DuplicateOptionError(Error):
    """An option appeared twice in one section during a strict read."""

    _fields = ('section', 'option', 'source', 'lineno')

    def __init__(self, section, option, source=None, lineno=None):
        tail = "ption %r in section %r already exists" % (option, section)
        if source is None:
            super().__init__("O" + tail)
        else:
            super().__init__(_where(source, lineno) + "o" + tail)
        self._keep(section, option, source, lineno)


class NoOptionError(Error):
    """The section exists but has no such option (nor a default for it)."""

    _fields = ('option', 'section')

    def __init__(self, option, section):
        super().__init__("No option %r in section: %r" % (option, section))
        self._keep(option, section)


class InterpolationError(Error):
    """Base class for errors while expanding a value."""

    _fields = ('option', 'section')

    def __init__(self, option, section, msg):
        super().__init__(msg)
        self._keep(option, section, msg)


class InterpolationMissingOptionError(InterpolationError):
    """A value refers to an option that does not exist."""

    def __init__(self, option, section, rawval, reference):
        super().__init__(option, section, (
            "Bad value substitution: option %r in section %r contains an "
            "interpolation key %r which is not a valid option name. Raw value: %r"
            % (option, section, reference, rawval)))
        self.reference = reference
        self.args = (option, section, rawval, reference)


class InterpolationSyntaxError(InterpolationError):
    """A value is not well-formed for the interpolation in use."""


class InterpolationDepthError(InterpolationError):
    """Expanding a value needed more than MAX_INTERPOLATION_DEPTH steps."""

    def __init__(self, option, section, rawval):
        super().__init__(option, section, (
            "Recursion limit exceeded in value substitution: option %r in "
            "section %r contains an interpolation key which cannot be "
            "substituted in %d steps. Raw value: %r"
            % (option, section, MAX_INTERPOLATION_DEPTH, rawval)))
        self.args = (option, section, rawval)


class ParsingError(Error):
    """Lines that could not be parsed; .errors lists (lineno, repr(line))."""

    _fields = ('source',)

    def __init__(self, source):
        super().__init__('Source contains parsing errors: ' + repr(source))
        self._keep(source)
        self.errors = []

    def append(self, lineno, line):
        """Add one bad line to the list and to the message."""
        self.errors += [(lineno, line)]
        self.message = '%s\n\t[line %2d]: %s' % (self.message, lineno, line)


class MissingSectionHeaderError(ParsingError):
    """An option line came before any [section] header."""

    _fields = ('source', 'lineno', 'line')

    def __init__(self, filename, lineno, line):
        Error.__init__(self, 'File contains no section headers.\nfile: %r, line: %d\n%r'
                       % (filename, lineno, line))
        self._keep(filename, lineno, line)


# --- Interpolation --------------------------------------------------------------

class Interpolation:
    """No interpolation: values come back exactly as stored."""

    def before_get(self, parser, section, option, value, defaults):
        return value

    def before_set(self, parser, section, option, value):
        return value

    def before_read(self, parser, section, option, value):
        return value

    def before_write(self, parser, section, option, value):
        return value


class _Expander(Interpolation):
    """What the two interpolations share: depth limit and set-time checking.

    Subclasses give [marker] (the character that starts a reference) and
    _expand(parser, option, section, rawval, value, names, depth, out).
    """

    marker = '%'

    def before_get(self, parser, section, option, value, defaults):
        out = []
        self._expand(parser, option, section, value, value, defaults, 1, out)
        return ''.join(out)

    def before_set(self, parser, section, option, value):
        # Remove the escapes and well-formed references; any marker left is
        # a syntax error, reported now rather than on the next get().
        rest = value.replace(self.marker * 2, '')
        rest = self._reference.sub('', rest)
        position = rest.find(self.marker)
        if position >= 0:
            raise ValueError("invalid interpolation syntax in %r at position %d"
                             % (value, position))
        return value

    def _check_depth(self, option, section, rawval, depth):
        if depth <= MAX_INTERPOLATION_DEPTH:
            return
        raise InterpolationDepthError(option, section, rawval)

    def _expand(self, parser, option, section, rawval, value, names, depth, out):
        # The scan both syntaxes share: text, doubled markers, references;
        # what a reference names is the subclass's _resolve.
        self._check_depth(option, section, rawval, depth)
        marker = self.marker
        while value:
            at = value.find(marker)
            if at < 0:
                out.append(value)
                return
            out.append(value[:at])
            value = value[at:]
            follower = value[1:2]
            if follower == marker:
                out.append(marker)
                value = value[2:]
                continue
            if follower != self._opening:
                raise InterpolationSyntaxError(option, section,
                    "'%s' must be followed by '%s' or '%s', found: %r"
                    % (marker, marker, self._opening, value))
            found = self._reference.match(value)
            if found is None:
                raise InterpolationSyntaxError(option, section, "bad interpolation variable reference %r" % (value,))
            value = value[found.end():]
            replacement, name, where, scope = self._resolve(parser, option, section, rawval,
                                                           found.group(1), names, value)
            if replacement is not None and marker in replacement:
                self._expand(parser, name, where, *self._recursion_source(rawval, replacement),
                             scope, depth + 1, out)
            else:
                out.append(replacement)


class BasicInterpolation(_Expander):
    """%(name)s is replaced by the option [name] of the same section (or DEFAULT).

    %% stands for a literal percent sign.
    """

    marker = '%'
    _opening = '('
    _reference = re.compile(r"%\(([^)]+)\)s")

    def _resolve(self, parser, option, section, rawval, reference, names, rest):
        name = parser.optionxform(reference)
        try:
            return names[name], option, section, names
        except KeyError:
            raise InterpolationMissingOptionError(option, section, rawval, name) from None

    @staticmethod
    def _recursion_source(rawval, replacement):
        # Errors deeper down still quote the option's own raw value.
        return rawval, replacement


class ExtendedInterpolation(_Expander):
    """${name} or ${section:name} is replaced by that option's value; $$ is a dollar."""

    marker = '$'
    _opening = '{'
    _reference = re.compile(r"\$\{([^}]+)\}")

    def _resolve(self, parser, option, section, rawval, reference, names, rest):
        path = reference.split(':')
        try:
            if len(path) == 1:
                name = parser.optionxform(path[0])
                return names[name], name, section, names
            if len(path) == 2:
                where = path[0]
                name = parser.optionxform(path[1])
                replacement = parser.get(where, name, raw=True)
                return replacement, name, where, dict(parser.items(where, raw=True))
            raise InterpolationSyntaxError(option, section,
                                           "More than one ':' found: %r" % (rest,))
        except (NoOptionError, NoSectionError, KeyError):
            raise InterpolationMissingOptionError(option, section, rawval,
                                                  ':'.join(path)) from None

    @staticmethod
    def _recursion_source(rawval, replacement):
        # A nested reference is reported against the value it came from.
        return replacement, replacement


# --- Value conversion -------------------------------------------------------------

class ConverterMapping(MutableMapping):
    """The parser's converters: name -> function, each exposed as get<name>()."""

    _NAME = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')

    def __init__(self, parser):
        self._owner = parser
        self._data = {}
        for attr in dir(type(parser)):
            if attr.startswith('get') and len(attr) > 3 and \
                    callable(getattr(type(parser), attr, None)):
                self._data[attr[3:]] = None

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        try:
            name = 'get' + key
        except TypeError:
            raise ValueError('Incompatible key: {} (type: {})'.format(key, type(key))) from None
        if name == 'get':
            raise ValueError('Incompatible key: cannot use "" as a name')
        self._data[key] = value
        getter = functools.partial(self._owner._get_conv, conv=value)
        getter.converter = value
        setattr(self._owner, name, getter)
        for proxy in self._owner.values():
            proxy._add_getter(key)

    def __delitem__(self, key):
        del self._data[key]
        name = 'get' + key
        for owner in itertools.chain((self._owner,), self._owner.values()):
            try:
                delattr(owner, name)
            except AttributeError:
                continue

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


# --- The parsers ------------------------------------------------------------------

class RawConfigParser(MutableMapping):
    """A configuration parser without interpolation."""

    _INTERPOLATION_KIND = Interpolation()
    BOOLEAN_STATES = dict.fromkeys(('1', 'yes', 'true', 'on'), True)
    BOOLEAN_STATES.update(dict.fromkeys(('0', 'no', 'false', 'off'), False))
    # A section header: the text between the first "[" and the last "]".
    SECTCRE = re.compile(r"\[(?P<header>.+)\]")

    def __init__(self, defaults=None, dict_type=dict,
                 allow_no_value=False, *,
                 delimiters=('=', ':'),
                 comment_prefixes=('#', ';'),
                 inline_comment_prefixes=None,
                 strict=True,
                 empty_lines_in_values=True,
                 default_section=DEFAULTSECT,
                 interpolation=_UNSET,
                 converters=_UNSET):
        self._map_type = dict_type
        self._by_section = self._map_type()
        self._fallbacks = self._map_type()
        self._converter_map = ConverterMapping(self)
        self._views = self._map_type()
        self._views[default_section] = SectionProxy(self, default_section)
        self._separators = tuple(delimiters)
        self._line_comments = tuple(comment_prefixes or ())
        self._trailing_comments = tuple(inline_comment_prefixes or ())
        self._no_repeats = strict
        self._valueless_ok = allow_no_value
        self._keep_blank_lines = empty_lines_in_values
        self.default_section = default_section
        self._interp = interpolation
        if self._interp is _UNSET:
            self._interp = self._INTERPOLATION_KIND
        if self._interp is None:
            self._interp = Interpolation()
        if not isinstance(self._interp, Interpolation):
            raise TypeError("interpolation= must be None or an instance of Interpolation;"
                            " got an object of type {}".format(type(self._interp)))
        if converters is not _UNSET:
            for key, func in converters.items():
                self._converter_map[key] = func
        if defaults:
            self._read_defaults(defaults)

    # --- Sections and options ---

    def defaults(self):
        return self._fallbacks

    def sections(self):
        """The section names, without the default section."""
        return list(self._by_section.keys())

    def add_section(self, section):
        """Create [section]; it must not exist yet and must not be the default section."""
        if section in self._by_section:
            raise DuplicateSectionError(section)
        if self.default_section == section:
            raise ValueError('Invalid section name: ' + repr(section))
        self._create_section(section)

    def _create_section(self, name):
        options = self._by_section[name] = self._map_type()
        self._views[name] = SectionProxy(self, name)
        return options

    def _section_options(self, section, default_too=False):
        """The option dict of [section]; {} for the default section when [default_too]."""
        options = self._by_section.get(section)
        if options is not None:
            return options
        if default_too and self.default_section == section:
            return {}
        raise NoSectionError(section)

    def _target_options(self, section):
        # Where set() and remove_option() act: an empty name means DEFAULT.
        if section and self.default_section != section:
            return self._section_options(section)
        return self._fallbacks

    def has_section(self, section):
        return section in self._by_section

    def options(self, section):
        """The option names of [section], the defaults' included."""
        names = self._section_options(section).copy()
        names.update(self._fallbacks)
        return list(names.keys())

    def has_option(self, section, option):
        key = self.optionxform(option)
        if section and self.default_section != section:
            options = self._by_section.get(section)
            return options is not None and (key in options or key in self._fallbacks)
        return key in self._fallbacks

    def optionxform(self, optionstr):
        """Normalise an option name; the default makes names case-insensitive."""
        return optionstr.lower()

    # --- Reading ---

    def read(self, filenames, encoding=None):
        """Read the files that exist among [filenames]; return the names read."""
        if isinstance(filenames, (str, bytes)) or hasattr(filenames, '__fspath__'):
            filenames = (filenames,)
        done = []
        for name in filenames:
            try:
                handle = open(name, encoding=encoding)
            except OSError:
                continue    # missing files are skipped silently
            with handle:
                self._read(handle, name)
            done.append(os.fspath(name) if hasattr(name, '__fspath__') else name)
        return done

    def read_file(self, f, source=None):
        """Read from an iterable of lines; [source] names it in error messages."""
        if source is None:
            source = getattr(f, 'name', '<???>')
        self._read(f, source)

    def read_string(self, string, source='<string>'):
        self.read_file(io.StringIO(string), source)

    def read_dict(self, dictionary, source='<dict>'):
        """Read sections from a mapping of section name -> mapping of options."""
        seen = set()
        for section, options in dictionary.items():
            section = str(section)
            if section not in self._by_section and section != self.default_section:
                self.add_section(section)
            elif self._no_repeats and section in seen:
                raise DuplicateSectionError(section)
            seen.add(section)
            for raw_key, value in options.items():
                name = self.optionxform(str(raw_key))
                if self._no_repeats and (section, name) in seen:
                    raise DuplicateOptionError(section, name, source)
                seen.add((section, name))
                self.set(section, name, None if value is None else str(value))

    def _read_defaults(self, defaults):
        self.read_dict({self.default_section: defaults}, source='<defaults>')

    def _strip_comment(self, line):
        """[line] without its comment, stripped; and whether a comment was found."""
        stripped = line.strip()
        for prefix in self._line_comments:
            if stripped.startswith(prefix):
                return '', True
        cut = None
        for prefix in self._trailing_comments:
            # An inline comment starts at a prefix that follows whitespace
            # (or opens the line).
            at = line.find(prefix)
            while at > 0 and not line[at - 1].isspace():
                at = line.find(prefix, at + 1)
            if at >= 0 and (cut is None or at < cut):
                cut = at
        if cut is None:
            return stripped, False
        return line[:cut].strip(), True

    def _split_option(self, text):
        """(name, value) from an option line; value None when there is no delimiter."""
        best = None
        for delimiter in self._separators:
            at = text.find(delimiter)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, delimiter)
        if best is None:
            return text, None
        at, delimiter = best
        return text[:at].rstrip(), text[at + len(delimiter):].strip()

    def _read(self, fp, source):
        errors = None
        seen = set()
        section = name = None      # current section dict and option name
        section_name = None
        indent = sys.maxsize       # indentation of the current option's line
        lineno = 0
        for line in fp:
            lineno += 1
            text, had_comment = self._strip_comment(line)
            if not text:
                if not self._keep_blank_lines:
                    indent = sys.maxsize
                elif not had_comment and section is not None and name and \
                        section[name] is not None:
                    section[name].append('')
                continue
            line_indent = len(line) - len(line.lstrip())
            if section is not None and name and line_indent > indent:
                if section[name] is None:
                    section[name] = [text]
                else:
                    section[name].append(text)
                continue
            indent = line_indent
            header = self.SECTCRE.match(text)
            if header:
                section_name = header.group('header')
                if section_name in self._by_section:
                    if self._no_repeats and section_name in seen:
                        raise DuplicateSectionError(section_name, source, lineno)
                    section = self._by_section[section_name]
                elif section_name == self.default_section:
                    section = self._fallbacks
                else:
                    section = self._map_type()
                    self._by_section[section_name] = section
                    self._views[section_name] = SectionProxy(self, section_name)
                seen.add(section_name)
                name = None
                continue
            if section is None:
                raise MissingSectionHeaderError(source, lineno, line)
            option, value = self._split_option(text)
            if value is None and not self._valueless_ok:
                # Not an option line: note it, and keep reading so that
                # one ParsingError lists every bad line.
                errors = errors or ParsingError(source)
                errors.append(lineno, repr(line))
                continue
            if not option:
                errors = errors or ParsingError(source)
                errors.append(lineno, repr(line))
            name = self.optionxform(option)
            if self._no_repeats and (section_name, name) in seen:
                raise DuplicateOptionError(section_name, name, source, lineno)
            seen.add((section_name, name))
            section[name] = None if value is None else [value]
        self._join_values()
        if errors:
            raise errors

    def _join_values(self):
        # Continuation lines were collected as lists: join them, drop the
        # trailing blank lines, and give the interpolation its before_read.
        everything = itertools.chain(((self.default_section, self._fallbacks),),
                                     self._by_section.items())
        for section_name, options in everything:
            for name, value in options.items():
                if isinstance(value, list):
                    value = '\n'.join(value).rstrip()
                options[name] = self._interp.before_read(self, section_name,
                                                                name, value)

    # --- Getting values ---

    def _unify_values(self, section, vars):
        """A ChainMap of [vars], the section and the defaults, looked up in that order."""
        options = self._section_options(section, default_too=True)
        extra = {}
        for key, value in (vars or {}).items():
            extra[self.optionxform(key)] = None if value is None else str(value)
        return ChainMap(extra, options, self._fallbacks)

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        """The value of [option] in [section], interpolated unless [raw].

        With [fallback], a missing section or option returns it instead of raising.
        """
        try:
            names = self._unify_values(section, vars)
        except NoSectionError:
            if fallback is _UNSET:
                raise
            return fallback
        key = self.optionxform(option)
        value = names.get(key, _UNSET)
        if value is _UNSET:
            if fallback is not _UNSET:
                return fallback
            raise NoOptionError(key, section)
        if value is None or raw:
            return value
        return self._interp.before_get(self, section, key, value, names)

    def _get_conv(self, section, option, conv, *, fallback=_UNSET, **kwargs):
        # A missing section or option gives [fallback]; a value that does
        # not convert raises whatever [conv] raises.
        try:
            text = self.get(section, option, **kwargs)
        except (NoOptionError, NoSectionError):
            if fallback is not _UNSET:
                return fallback
            raise
        return conv(text)

    def getint(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        kwargs.update(raw=raw, vars=vars, fallback=fallback)
        return self._get_conv(section, option, int, **kwargs)

    def getfloat(self, section, option, *, raw=False, vars=None, fallback=_UNSET, **kwargs):
        kwargs.update(raw=raw, vars=vars, fallback=fallback)
        return self._get_conv(section, option, float, **kwargs)

    def getboolean(self, section, option, *, raw=False, vars=None, fallback=_UNSET,
                   **kwargs):
        kwargs.update(raw=raw, vars=vars, fallback=fallback)
        return self._get_conv(section, option, self._convert_to_boolean, **kwargs)

    def _convert_to_boolean(self, value):
        state = self.BOOLEAN_STATES.get(value.lower())
        if state is None:
            raise ValueError('Not a boolean: %s' % value)
        return state

    def items(self, section=_UNSET, raw=False, vars=None):
        """(name, value) pairs of [section]; without a section, (name, proxy) pairs."""
        if section is _UNSET:
            return super().items()
        merged = self._fallbacks.copy()
        merged.update(self._section_options(section, default_too=True))
        names = list(merged)
        for key, value in (vars or {}).items():
            merged[self.optionxform(key)] = value
        if raw:
            return [(name, merged[name]) for name in names]
        before_get = self._interp.before_get
        return [(name, before_get(self, section, name, merged[name], merged))
                for name in names]

    def popitem(self):
        """Remove and return the first section as (name, proxy)."""
        for key in self.sections():
            value = self[key]
            del self[key]
            return key, value
        raise KeyError

    # --- Changing ---

    def set(self, section, option, value=None):
        """Set [option] in [section] (the default section when empty or DEFAULT)."""
        if value:
            value = self._interp.before_set(self, section, option, value)
        self._target_options(section)[self.optionxform(option)] = value

    def remove_option(self, section, option):
        """Delete [option]; return whether it existed."""
        options = self._target_options(section)
        key = self.optionxform(option)
        found = key in options
        if found:
            del options[key]
        return found

    def remove_section(self, section):
        """Delete [section]; return whether it existed."""
        found = section in self._by_section
        if found:
            self._by_section.pop(section)
            self._views.pop(section)
        return found

    # --- Writing ---

    def write(self, fp, space_around_delimiters=True):
        """Write the configuration in INI form to the text file [fp]."""
        delimiter = self._separators[0]
        if space_around_delimiters:
            delimiter = ' %s ' % delimiter
        if self._fallbacks:
            self._write_section(fp, self.default_section, self._fallbacks.items(), delimiter)
        for section in self._by_section:
            self._write_section(fp, section, self._by_section[section].items(), delimiter)

    def _write_section(self, fp, section_name, items, delimiter):
        fp.write('[%s]\n' % section_name)
        for key, value in items:
            value = self._interp.before_write(self, section_name, key, value)
            if value is None and self._valueless_ok:
                fp.write('%s\n' % key)
            else:
                # Continuation lines are written indented, so they read back.
                fp.write('%s%s%s\n' % (key, delimiter, str(value).replace('\n', '\n\t')))
        fp.write('\n')

    # --- The mapping of sections ---

    def __getitem__(self, key):
        view = self._views.get(key)
        if view is None:
            raise KeyError(key)
        return view

    def __setitem__(self, key, value):
        if self._views.get(key) is value:
            return      # parser[key] = parser[key] must not wipe the section
        if self.default_section == key:
            self._fallbacks.clear()
        else:
            self._by_section.get(key, {}).clear()
        self.read_dict({key: value})

    def __delitem__(self, key):
        if self.default_section == key:
            raise ValueError("Cannot remove the default section.")
        if not self.remove_section(key):
            raise KeyError(key)

    def __contains__(self, key):
        return key in self._views

    def __len__(self):
        return len(self._by_section) + 1

    def __iter__(self):
        return itertools.chain((self.default_section,), self._by_section.keys())

    @property
    def converters(self):
        return self._converter_map


class ConfigParser(RawConfigParser):
    """A configuration parser with %(name)s interpolation and type checks on set."""

    _INTERPOLATION_KIND = BasicInterpolation()

    def set(self, section, option, value=None):
        """Set an option; the names and the value must be strings."""
        self._check_types(option=option, value=value)
        RawConfigParser.set(self, section, option, value)

    def add_section(self, section):
        """Create a section; its name must be a string."""
        self._check_types(section=section)
        RawConfigParser.add_section(self, section)

    def _read_defaults(self, defaults):
        # Defaults given to the constructor are taken as they are: no
        # interpolation syntax check.
        kept = self._interp
        try:
            self._interp = Interpolation()
            RawConfigParser._read_defaults(self, defaults)
        finally:
            self._interp = kept

    def _check_types(self, *, section="", option="", value=""):
        # Only strings can be written back to a file and read again.
        checks = [(section, "section names"), (option, "option keys")]
        if value or not self._valueless_ok:
            checks.append((value, "option values"))
        for item, what in checks:
            if type(item) is not str and not isinstance(item, str):
                raise TypeError(what + " must be strings")


class SectionProxy(MutableMapping):
    """One section of a parser seen as a mapping of option -> value."""

    def __init__(self, parser, name):
        self._owner = parser
        self._section_name = name
        for key in parser.converters:
            self._add_getter(key)

    def _add_getter(self, key):
        getter = getattr(self._owner, 'get' + key)
        setattr(self, 'get' + key,
                functools.partial(self.get, _impl=getter))

    def __repr__(self):
        return '<Section: {}>'.format(self._section_name)

    def __getitem__(self, key):
        if not self._owner.has_option(self._section_name, key):
            raise KeyError(key)
        return self._owner.get(self._section_name, key)

    def __setitem__(self, key, value):
        if isinstance(self._owner, ConfigParser):
            self._owner._check_types(option=key, value=value)
        return self._owner.set(self._section_name, key, value)

    def __delitem__(self, key):
        if not (self._owner.has_option(self._section_name, key) and
                self._owner.remove_option(self._section_name, key)):
            raise KeyError(key)

    def __contains__(self, key):
        return self._owner.has_option(self._section_name, key)

    def __len__(self):
        return len(self._options())

    def __iter__(self):
        return iter(self._options())

    def _options(self):
        if self._section_name != self._owner.default_section:
            return self._owner.options(self._section_name)
        return self._owner.defaults()

    @property
    def parser(self):
        return self._owner

    @property
    def name(self):
        return self._section_name

    def get(self, option, fallback=None, *, raw=False, vars=None, _impl=None, **kwargs):
        """The option's value, or [fallback] when it is missing."""
        if _impl is None:
            _impl = self._owner.get
        return _impl(self._section_name, option, raw=raw, vars=vars, fallback=fallback, **kwargs)
