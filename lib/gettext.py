"""gettext: message catalogs for translating a program's text.

Design notes
------------
A translation object answers gettext(msg) (and its plural and
context-qualified variants) from a catalog, falling back to another
translation object, and finally to the message itself. NullTranslations
has an empty catalog; GNUTranslations reads GNU `.mo` files: a header of
offsets, then two parallel tables of (length, offset) pairs for the
original and translated strings. A plural entry keeps its forms NUL
separated, and a context is joined to its message by EOT (\\x04).

The catalog's metadata (the translation of the empty string) gives the
charset and the plural rule, a C expression such as
`n%10==1 && n%100!=11 ? 0 : 1`. c2py() turns that into a Python function
with a small recursive-descent parser of our own; the expression is parsed
once into nested closures, never passed to eval().

find() looks for `<localedir>/<language>/LC_MESSAGES/<domain>.mo` for each
language named by the caller or the LANGUAGE, LC_ALL, LC_MESSAGES and LANG
environment variables (each expanded to its less specific forms: de_DE.UTF-8
also tries de_DE and de). translation() returns the first catalog found with
the others as its fallbacks, or raises FileNotFoundError unless
fallback=True asks for a NullTranslations instead.
"""

import os
import re
import struct
import sys

__all__ = [
    'NullTranslations', 'GNUTranslations', 'Catalog', 'bindtextdomain', 'find',
    'translation', 'install', 'textdomain', 'dgettext', 'dngettext', 'gettext',
    'ngettext', 'pgettext', 'dpgettext', 'npgettext', 'dnpgettext',
]

_default_localedir = os.path.join(sys.base_prefix, 'share', 'locale')

# ---------------------------------------------------------------------------
# Plural-form expressions

_TOKEN = re.compile(r'\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()])|(\w+)|(\S))')

# Binary operators by precedence level, loosest first, as in C.
_LEVELS = [
    {'||': lambda a, b: int(bool(a) or bool(b))},
    {'&&': lambda a, b: int(bool(a) and bool(b))},
    {'==': lambda a, b: int(a == b), '!=': lambda a, b: int(a != b)},
    {'<': lambda a, b: int(a < b), '>': lambda a, b: int(a > b),
     '<=': lambda a, b: int(a <= b), '>=': lambda a, b: int(a >= b)},
    {'+': lambda a, b: a + b, '-': lambda a, b: a - b},
    {'*': lambda a, b: a * b, '/': lambda a, b: a // b, '%': lambda a, b: a % b},
]


def _tokens(text):
    result = []
    for number, var, op, word, other in _TOKEN.findall(text):
        if number:
            result.append(int(number))
        elif var:
            result.append('n')
        elif op:
            result.append(op)
        elif word or other:
            raise ValueError('invalid token in plural form: %s' % (word or other))
    result.append(None)
    return result


class _PluralParser:
    def __init__(self, text):
        self.items = _tokens(text)
        self.at = 0

    def peek(self):
        return self.items[self.at]

    def take(self):
        item = self.items[self.at]
        self.at += 1
        return item

    def unexpected(self, item):
        if item is None:
            raise ValueError('unexpected end of plural form')
        raise ValueError('unexpected token in plural form: %s' % item)

    def conditional(self):
        test = self.binary(0)
        if self.peek() != '?':
            return test
        self.take()
        yes = self.conditional()
        separator = self.take()
        if separator != ':':
            self.unexpected(separator)
        no = self.conditional()
        return lambda n: yes(n) if test(n) else no(n)

    def binary(self, level):
        if level == len(_LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek() in _LEVELS[level]:
            combine = _LEVELS[level][self.take()]
            right = self.binary(level + 1)
            left = (lambda f, a, b: lambda n: f(a(n), b(n)))(combine, left, right)
        return left

    def unary(self):
        item = self.take()
        if item == '!':
            inner = self.unary()
            return lambda n: int(not inner(n))
        if item == '-':
            inner = self.unary()
            return lambda n: -inner(n)
        if item == 'n':
            return lambda n: n
        if isinstance(item, int) and not isinstance(item, bool):
            return lambda n, value=item: value
        if item == '(':
            inner = self.conditional()
            if self.take() != ')':
                raise ValueError('unbalanced parenthesis in plural form')
            return inner
        self.unexpected(item)


def _plural_argument(n):
    if isinstance(n, int):
        return n
    try:
        round(n)
    except TypeError:
        raise TypeError('Plural value must be an integer, got %s'
                        % (n.__class__.__name__,)) from None
    import warnings
    warnings.warn('Plural value must be an integer, got %s' % (n.__class__.__name__,),
                  DeprecationWarning, 4)
    return n


def c2py(plural):
    """A function of n computing the C plural-form expression [plural]."""
    if len(plural) > 1000:
        raise ValueError('plural form expression is too long')
    parser = _PluralParser(plural)
    try:
        expression = parser.conditional()
    except RecursionError:
        raise ValueError('plural form expression is too complex') from None
    leftover = parser.take()
    if leftover is not None:
        parser.unexpected(leftover)

    def plural_index(n):
        return int(expression(_plural_argument(n)))
    return plural_index


# ---------------------------------------------------------------------------
# Finding catalogs

def _language_variants(name):
    """[name] and its less specific forms, most specific first:
    'de_DE.UTF-8@euro' gives de_DE.UTF-8@euro, de_DE@euro, de_DE.UTF-8,
    de_DE, de.UTF-8@euro, de@euro, de.UTF-8, de."""
    import locale
    name = locale.normalize(name)
    base, at, modifier = name.partition('@')
    base, dot, codeset = base.partition('.')
    language, underscore, territory = base.partition('_')
    modifier = at + modifier
    codeset = dot + codeset
    territory = underscore + territory
    found = []
    for with_territory in ((territory, '') if territory else ('',)):
        for with_codeset in ((codeset, '') if codeset else ('',)):
            for with_modifier in ((modifier, '') if modifier else ('',)):
                found.append(language + with_territory + with_codeset + with_modifier)
    return found


def find(domain, localedir=None, languages=None, all=False):
    """The path of [domain]'s .mo file for the first wanted language, or
    None; with [all], the list of every match."""
    if localedir is None:
        localedir = _default_localedir
    if languages is None:
        languages = []
        for variable in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'):
            value = os.environ.get(variable)
            if value:
                languages = value.split(':')
                break
        if 'C' not in languages:
            languages.append('C')
    expanded = []
    for language in languages:
        for variant in _language_variants(language):
            if variant not in expanded:
                expanded.append(variant)
    matches = []
    for language in expanded:
        if language == 'C':
            break
        path = os.path.join(localedir, language, 'LC_MESSAGES', '%s.mo' % domain)
        if os.path.exists(path):
            if not all:
                return path
            matches.append(path)
    return matches if all else None


# ---------------------------------------------------------------------------
# Translation objects

class NullTranslations:
    """A translation that knows no messages; the base of the others."""

    def __init__(self, fp=None):
        self._info = {}
        self._charset = None
        self._output_charset = None
        self._fallback = None
        if fp is not None:
            self._parse(fp)

    def _parse(self, fp):
        pass

    def add_fallback(self, fallback):
        """Consults [fallback] for messages this object lacks (chained)."""
        if self._fallback is None:
            self._fallback = fallback
        else:
            self._fallback.add_fallback(fallback)

    # Each lookup defers to the fallback when there is one; the last
    # object of the chain answers with the original text.

    def gettext(self, message):
        """The translation of [message]."""
        nxt = self._fallback
        return message if nxt is None else nxt.gettext(message)

    def ngettext(self, msgid1, msgid2, n):
        """The translation of the singular/plural pair for count [n]."""
        nxt = self._fallback
        if nxt is None:
            return msgid1 if n == 1 else msgid2
        return nxt.ngettext(msgid1, msgid2, n)

    def pgettext(self, context, message):
        """The translation of [message] within [context]."""
        nxt = self._fallback
        return message if nxt is None else nxt.pgettext(context, message)

    def npgettext(self, context, msgid1, msgid2, n):
        """The plural translation within [context] for count [n]."""
        nxt = self._fallback
        if nxt is None:
            return msgid1 if n == 1 else msgid2
        return nxt.npgettext(context, msgid1, msgid2, n)

    def info(self):
        """The catalog's metadata fields (lower-case names)."""
        return self._info

    def charset(self):
        """The catalog's declared charset, or None."""
        return self._charset

    def install(self, names=None):
        """Makes builtins._ this object's gettext, and each of [names]
        ('gettext', 'ngettext', 'pgettext', 'npgettext') the method of
        that name."""
        import builtins
        builtins.__dict__['_'] = self.gettext
        if names is not None:
            wanted = {'gettext', 'ngettext', 'npgettext', 'pgettext'}
            for name in wanted & set(names):
                builtins.__dict__[name] = getattr(self, name)


class GNUTranslations(NullTranslations):
    """A translation read from a GNU .mo file."""

    LE_MAGIC = 0x950412de
    BE_MAGIC = 0xde120495
    CONTEXT = '%s\x04%s'
    VERSIONS = (0, 1)

    def _get_versions(self, version):
        return (version >> 16, version & 0xFFFF)

    def _parse(self, fp):
        self._catalog = catalog = {}
        self.plural = lambda n: int(n != 1)
        data = fp.read()
        filename = getattr(fp, 'name', '')
        if len(data) < 20:
            raise OSError(0, 'Bad magic number', filename)
        magic = struct.unpack('<I', data[:4])[0]
        if magic == self.LE_MAGIC:
            order = '<'
        elif magic == self.BE_MAGIC:
            order = '>'
        else:
            raise OSError(0, 'Bad magic number', filename)
        version, count, originals_at, translations_at = struct.unpack(order + '4I',
                                                                     data[4:20])
        if self._get_versions(version)[0] not in self.VERSIONS:
            raise OSError(0, 'Bad version number ' + str(self._get_versions(version)[0]),
                          filename)
        charset = None
        for index in range(count):
            key_len, key_at = struct.unpack(order + '2I',
                                            data[originals_at + 8 * index:
                                                 originals_at + 8 * index + 8])
            value_len, value_at = struct.unpack(order + '2I',
                                                data[translations_at + 8 * index:
                                                     translations_at + 8 * index + 8])
            if key_at + key_len > len(data) or value_at + value_len > len(data):
                raise OSError(0, 'File is corrupt', filename)
            raw_key = data[key_at:key_at + key_len]
            raw_value = data[value_at:value_at + value_len]
            if key_len == 0:
                charset = self._read_metadata(raw_value) or charset
            encoding = self._charset or 'ascii'
            if b'\x00' in raw_key:
                singular = raw_key.split(b'\x00')[0].decode(encoding)
                for form, text in enumerate(raw_value.split(b'\x00')):
                    catalog[(singular, form)] = text.decode(encoding)
            else:
                catalog[raw_key.decode(encoding)] = raw_value.decode(encoding)

    def _read_metadata(self, raw):
        """Reads the header entry: 'Name: value' lines, continued by lines
        without a colon."""
        last_key = None
        for line in raw.decode('ascii', 'replace').split('\n'):
            line = line.strip()
            if not line:
                continue
            if line.startswith('#-#-#-#-#') and line.endswith('#-#-#-#-#'):
                continue
            if ':' in line:
                key, _, value = line.partition(':')
                last_key = key.strip().lower()
                value = value.strip()
                self._info[last_key] = value
            elif last_key is not None:
                self._info[last_key] += '\n' + line
                continue
            else:
                continue
            if last_key == 'content-type':
                found = re.search(r'charset=(\S+)', value)
                if found:
                    self._charset = found.group(1)
            elif last_key == 'plural-forms':
                rule = value.split(';')[1].split('plural=')[1]
                self.plural = c2py(rule)
        return self._charset

    def gettext(self, message):
        missing = object()
        found = self._catalog.get(message, missing)
        if found is missing:
            found = self._catalog.get((message, self.plural(1)), missing)
        if found is not missing:
            return found
        return NullTranslations.gettext(self, message)

    def ngettext(self, msgid1, msgid2, n):
        try:
            return self._catalog[(msgid1, self.plural(n))]
        except KeyError:
            return NullTranslations.ngettext(self, msgid1, msgid2, n)

    def pgettext(self, context, message):
        key = self.CONTEXT % (context, message)
        missing = object()
        found = self._catalog.get(key, missing)
        if found is missing:
            found = self._catalog.get((key, self.plural(1)), missing)
        if found is not missing:
            return found
        return NullTranslations.pgettext(self, context, message)

    def npgettext(self, context, msgid1, msgid2, n):
        key = self.CONTEXT % (context, msgid1)
        try:
            return self._catalog[(key, self.plural(n))]
        except KeyError:
            return NullTranslations.npgettext(self, context, msgid1, msgid2, n)


_translations = {}


def translation(domain, localedir=None, languages=None, class_=None, fallback=False):
    """The translation for [domain]: the first catalog find() locates, with
    the other matches as fallbacks. Without any, a NullTranslations when
    [fallback] is true, else FileNotFoundError."""
    if class_ is None:
        class_ = GNUTranslations
    paths = find(domain, localedir, languages, all=True)
    if not paths:
        if fallback:
            return NullTranslations()
        from errno import ENOENT
        raise FileNotFoundError(ENOENT, 'No translation file found for domain', domain)
    import copy
    result = None
    for path in paths:
        key = (class_, os.path.abspath(path))
        cached = _translations.get(key)
        if cached is None:
            with open(path, 'rb') as fp:
                cached = _translations.setdefault(key, class_(fp))
        # A copy, so that add_fallback() on the result leaves the cache alone.
        instance = copy.copy(cached)
        if result is None:
            result = instance
        else:
            result.add_fallback(instance)
    return result


def install(domain, localedir=None, *, names=None):
    """Installs _() (and [names]) for [domain] in builtins."""
    translation(domain, localedir, fallback=True).install(names)


# The global domain and its catalogs, for the module-level functions.
_localedirs = {}
_current_domain = 'messages'


def textdomain(domain=None):
    """Sets the global domain when given one; returns the current one."""
    global _current_domain
    if domain is not None:
        _current_domain = domain
    return _current_domain


def bindtextdomain(domain, localedir=None):
    """Sets where [domain]'s catalogs live when given; returns it."""
    if localedir is not None:
        _localedirs[domain] = localedir
    return _localedirs.get(domain, _default_localedir)


def _domain_translation(domain):
    try:
        return translation(domain, _localedirs.get(domain, None))
    except OSError:
        return None


def dgettext(domain, message):
    t = _domain_translation(domain)
    return message if t is None else t.gettext(message)


def dngettext(domain, msgid1, msgid2, n):
    t = _domain_translation(domain)
    if t is None:
        return msgid1 if n == 1 else msgid2
    return t.ngettext(msgid1, msgid2, n)


def dpgettext(domain, context, message):
    t = _domain_translation(domain)
    return message if t is None else t.pgettext(context, message)


def dnpgettext(domain, context, msgid1, msgid2, n):
    t = _domain_translation(domain)
    if t is None:
        return msgid1 if n == 1 else msgid2
    return t.npgettext(context, msgid1, msgid2, n)


def gettext(message):
    return dgettext(_current_domain, message)


def ngettext(msgid1, msgid2, n):
    return dngettext(_current_domain, msgid1, msgid2, n)


def pgettext(context, message):
    return dpgettext(_current_domain, context, message)


def npgettext(context, msgid1, msgid2, n):
    return dnpgettext(_current_domain, context, msgid1, msgid2, n)


Catalog = translation
