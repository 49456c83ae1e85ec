"""Locale support limited to the C/POSIX locales, which is all gilpy provides.

Design notes
------------
gilpy does not call the C library's setlocale(): text is always UTF-8 and
numbers always use the C conventions (a '.' decimal point, no grouping).
This module keeps the Python-level API working on that basis.  It tracks
a locale name per category in a small table; the names that may be set are
the C-like ones ('C', 'POSIX', 'C.UTF-8' and its spellings), anything else
raises Error('unsupported locale setting'), which is what CPython reports on
a system where that locale is not installed.  At start-up LC_CTYPE follows
the environment (LC_ALL, LC_CTYPE, LANG) when it names a C-like locale, as
CPython's start-up does; the other categories start as 'C'.

Formatting therefore reduces to the % operator: format_string() and str()
never group digits, atof()/atoi() accept Python's own number syntax, and
currency() fails as it does in the C locale.  localeconv() returns the C
locale's table.

Left out: real locale data (message catalogues, collation, other languages'
number formats); gettext() and friends return their message unchanged.
"""

import os
import re
import sys
import warnings

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
           "setlocale", "resetlocale", "localeconv", "strcoll", "strxfrm",
           "str", "atof", "atoi", "format_string", "currency",
           "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY",
           "LC_NUMERIC", "LC_ALL", "CHAR_MAX", "getencoding", "LC_MESSAGES",
           "localize", "delocalize", "nl_langinfo"]

_builtin_str = str

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127


class Error(Exception):
    """Raised for an unsupported locale setting."""


# --- nl_langinfo items and their values in the C locale --------------------------

CODESET = 14
RADIXCHAR = 0x10000
THOUSEP = 0x10001
ABDAY_1, ABDAY_2, ABDAY_3, ABDAY_4, ABDAY_5, ABDAY_6, ABDAY_7 = range(0x20000, 0x20007)
DAY_1, DAY_2, DAY_3, DAY_4, DAY_5, DAY_6, DAY_7 = range(0x20007, 0x2000E)
(ABMON_1, ABMON_2, ABMON_3, ABMON_4, ABMON_5, ABMON_6, ABMON_7, ABMON_8, ABMON_9,
 ABMON_10, ABMON_11, ABMON_12) = range(0x2000E, 0x2001A)
(MON_1, MON_2, MON_3, MON_4, MON_5, MON_6, MON_7, MON_8, MON_9, MON_10, MON_11,
 MON_12) = range(0x2001A, 0x20026)
AM_STR, PM_STR, D_T_FMT, D_FMT, T_FMT, T_FMT_AMPM = range(0x20026, 0x2002C)
ERA = 0x2002C
ALT_DIGITS = 0x2002F
ERA_D_FMT = 0x2002E
ERA_D_T_FMT = 0x20030
ERA_T_FMT = 0x20031
CRNCYSTR = 0x4000F
YESEXPR = 0x50000
NOEXPR = 0x50001

_DAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split()
_MONTHS = ('January February March April May June July August September '
           'October November December').split()
_LANGINFO = {RADIXCHAR: '.', THOUSEP: '', AM_STR: 'AM', PM_STR: 'PM',
             D_T_FMT: '%a %b %e %H:%M:%S %Y', D_FMT: '%m/%d/%y', T_FMT: '%H:%M:%S',
             T_FMT_AMPM: '%I:%M:%S %p', ERA: '', ALT_DIGITS: '', ERA_D_FMT: '',
             ERA_D_T_FMT: '', ERA_T_FMT: '', CRNCYSTR: '-', YESEXPR: '^[yY]',
             NOEXPR: '^[nN]'}
for _i, _name in enumerate(_DAYS):
    _LANGINFO[DAY_1 + _i] = _name
    _LANGINFO[ABDAY_1 + _i] = _name[:3]
for _i, _name in enumerate(_MONTHS):
    _LANGINFO[MON_1 + _i] = _name
    _LANGINFO[ABMON_1 + _i] = _name[:3]
del _i, _name


def nl_langinfo(key):
    """The C locale's value for the nl_langinfo item [key]."""
    if key == CODESET:
        return 'UTF-8' if _is_utf8(_current[LC_CTYPE]) else 'ANSI_X3.4-1968'
    try:
        return _LANGINFO[key]
    except KeyError:
        raise ValueError('unsupported langinfo constant') from None


# --- The per-category settings -------------------------------------------------------

# The categories setlocale(LC_ALL) reports, in the C library's order; the last
# six cannot be set from Python and stay "C".
_ALL_ORDER = [(LC_CTYPE, 'LC_CTYPE'), (LC_NUMERIC, 'LC_NUMERIC'), (LC_TIME, 'LC_TIME'),
              (LC_COLLATE, 'LC_COLLATE'), (LC_MONETARY, 'LC_MONETARY'),
              (LC_MESSAGES, 'LC_MESSAGES'), (None, 'LC_PAPER'), (None, 'LC_NAME'),
              (None, 'LC_ADDRESS'), (None, 'LC_TELEPHONE'), (None, 'LC_MEASUREMENT'),
              (None, 'LC_IDENTIFICATION')]
_CATEGORY_NAMES = {number: name for number, name in _ALL_ORDER if number is not None}


def _is_utf8(name):
    return name.split('.', 1)[-1].replace('-', '').lower() == 'utf8' and '.' in name


def _canonical(name):
    """The name the C library would report for a C-like locale, or None."""
    if name in ('C', 'POSIX'):
        return 'C'
    base, dot, encoding = name.partition('.')
    if base in ('C', 'POSIX') and dot and encoding.replace('-', '').lower() == 'utf8':
        return 'C.UTF-8' if encoding == 'UTF-8' else 'C.' + encoding
    return None


def _from_environment(category_name):
    for variable in ('LC_ALL', category_name, 'LANG'):
        value = os.environ.get(variable)
        if value:
            return value
    return 'C'


_current = {number: 'C' for number in _CATEGORY_NAMES}
_current[LC_CTYPE] = _canonical(_from_environment('LC_CTYPE')) or 'C.UTF-8'


def setlocale(category, locale=None):
    """Set the locale of [category], or with no [locale] report it.

    Only C-like locales can be set; '' takes the setting from the environment.
    """
    if category not in _CATEGORY_NAMES and category != LC_ALL:
        raise Error('unsupported locale setting')
    if locale is not None and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    if locale is None:
        if category != LC_ALL:
            return _current[category]
        names = [_current.get(number, 'C') for number, _ in _ALL_ORDER]
        if len(set(names)) == 1:
            return names[0]
        return ';'.join('%s=%s' % (label, value)
                        for (number, label), value in zip(_ALL_ORDER, names))
    targets = list(_CATEGORY_NAMES) if category == LC_ALL else [category]
    chosen = {}
    for number in targets:
        wanted = locale or _from_environment(_CATEGORY_NAMES[number])
        canonical = _canonical(wanted)
        if canonical is None:
            raise Error('unsupported locale setting')
        chosen[number] = canonical
    _current.update(chosen)
    return setlocale(category)


def _build_localename(localetuple):
    language, encoding = localetuple
    if language is None:
        language = 'C'
    if encoding is None:
        return language
    return language + '.' + encoding


def resetlocale(category=LC_ALL):
    """Set [category] back to the environment's setting."""
    warnings.warn("Use locale.setlocale(locale.LC_ALL, '') instead",
                  DeprecationWarning, stacklevel=2)
    setlocale(category, '')


def _parse_localename(name):
    # (language code, encoding) the way CPython reports a C library name.
    if name in ('C', 'POSIX'):
        return None, None
    name = normalize(name)
    if '@' in name:
        name = name.split('@', 1)[0]
    if '.' in name:
        language, encoding = name.split('.', 1)
        return language, encoding
    if name == 'C':
        return None, None
    raise ValueError('unknown locale: %s' % name)


def getlocale(category=LC_CTYPE):
    """(language code, encoding) of [category]; (None, None) for the C locale."""
    name = setlocale(category)
    if category == LC_ALL and ';' in name:
        raise TypeError('category LC_ALL is not supported')
    return _parse_localename(name)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    """(language code, encoding) the environment asks for; deprecated."""
    warnings.warn("'locale.getdefaultlocale' is deprecated and slated for removal "
                  "in Python 3.15. Use setlocale(), getencoding() and getlocale() "
                  "instead.", DeprecationWarning, stacklevel=2)
    for variable in envvars:
        value = os.environ.get(variable)
        if value:
            if variable == 'LANGUAGE':
                value = value.split(':')[0]
            break
    else:
        value = 'C'
    return _parse_localename(value)


def getencoding():
    """The character set of the current LC_CTYPE setting."""
    return nl_langinfo(CODESET)


def getpreferredencoding(do_setlocale=True):
    """The encoding for text data: the environment's (UTF-8 for gilpy's files).

    With [do_setlocale] false, the current LC_CTYPE setting's instead.
    """
    if do_setlocale:
        return 'UTF-8'
    return getencoding()


# --- Names -------------------------------------------------------------------------

# Default encodings of a few common locales given without one (de_DE means
# de_DE.ISO8859-1), and default countries for bare language codes.
_LATIN1_LOCALES = set('''ca_ES da_DK de_AT de_CH de_DE en_AU en_CA en_GB en_IE en_NZ
    en_US es_AR es_ES es_MX fi_FI fr_BE fr_CA fr_CH fr_FR is_IS it_IT nl_BE nl_NL
    no_NO pt_BR pt_PT sv_SE'''.split())
_LANGUAGE_DEFAULTS = {'ca': 'ca_ES', 'da': 'da_DK', 'de': 'de_DE', 'en': 'en_US',
                      'es': 'es_ES', 'fi': 'fi_FI', 'fr': 'fr_FR', 'is': 'is_IS',
                      'it': 'it_IT', 'nl': 'nl_NL', 'no': 'no_NO', 'pt': 'pt_PT',
                      'sv': 'sv_SE'}
_ENCODING_NAMES = {'utf8': 'UTF-8', 'iso88591': 'ISO8859-1', 'iso885915': 'ISO8859-15',
                   'latin1': 'ISO8859-1', 'ascii': 'ISO8859-1', 'eucjp': 'eucJP',
                   'koi8r': 'KOI8-R', 'cp1252': 'CP1252'}


def normalize(localename):
    """A locale name in the form setlocale() expects, as far as it is known here."""
    if localename in ('C', 'POSIX'):
        return 'C'
    name, at, modifier = localename.partition('@')
    base, dot, encoding = name.partition('.')
    if base in ('C', 'POSIX', 'c', 'posix') and dot:
        base = 'en_US'      # C.UTF-8 has no language; CPython reports en_US
    base = _LANGUAGE_DEFAULTS.get(base, base)
    if dot:
        key = re.sub(r'[-_]', '', encoding).lower()
        encoding = _ENCODING_NAMES.get(key, encoding)
    elif base in _LATIN1_LOCALES:
        encoding = 'ISO8859-1'
    else:
        return localename
    return base + '.' + encoding + (at + modifier if at else '')


# --- Numbers and strings ---------------------------------------------------------

def localeconv():
    """The number formatting conventions of the C locale."""
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
            'negative_sign': '', 'int_frac_digits': CHAR_MAX, 'frac_digits': CHAR_MAX,
            'p_cs_precedes': CHAR_MAX, 'p_sep_by_space': CHAR_MAX,
            'n_cs_precedes': CHAR_MAX, 'n_sep_by_space': CHAR_MAX,
            'p_sign_posn': CHAR_MAX, 'n_sign_posn': CHAR_MAX, 'decimal_point': '.',
            'thousands_sep': '', 'grouping': []}


def format_string(f, val, grouping=False, monetary=False):
    """f % val; the C locale has no digit grouping, so [grouping] changes nothing."""
    return f % val


def format(percent, value, grouping=False, monetary=False, *additional):
    """Format one value with a single %-directive (deprecated; use format_string)."""
    warnings.warn("This method will be removed in a future version of Python. "
                  "Use 'locale.format_string()' instead.",
                  DeprecationWarning, stacklevel=2)
    if not re.match(r'%(?:\((?P<key>.*?)\))?[-#0-9 +*.hlL]*?[eEfFgGdiouxXcrs%]$', percent):
        raise ValueError(("format() must be given exactly one %%char format specifier, "
                          "%s not valid") % repr(percent))
    return format_string(percent, value, grouping, monetary)


def currency(val, symbol=True, grouping=False, international=False):
    """Format [val] as money: impossible in the C locale, which has no currency."""
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def str(val):
    """[val] formatted like '%.12g', the way str() formatted floats long ago."""
    return '%.12g' % val


def delocalize(string):
    """[string] with the locale's decimal point made '.' and grouping removed."""
    return string


def localize(string, grouping=False, monetary=False):
    """A '.'-decimal number string in the locale's format (unchanged in C)."""
    return string


def atof(string, func=float):
    """Parse a number formatted in the current locale."""
    return func(delocalize(string))


def atoi(string):
    """Parse an integer formatted in the current locale."""
    return int(delocalize(string))


def strcoll(a, b):
    """Compare two strings; the C locale orders by code point."""
    return (a > b) - (a < b)


def strxfrm(string):
    """A key that sorts like strcoll(): the string itself in the C locale."""
    return string


# --- Message catalogues (none) --------------------------------------------------------

_domain = 'messages'


def gettext(msg):
    return msg


def dgettext(domain, msg):
    return msg


def dcgettext(domain, msg, category):
    return msg


def textdomain(domain):
    global _domain
    if domain is not None:
        _domain = domain
    return _domain


def bindtextdomain(domain, dir):
    return dir if dir is not None else '/usr/share/locale'


def bind_textdomain_codeset(domain, codeset):
    return codeset


locale_alias = {'c': 'C', 'posix': 'C', 'c.utf8': 'en_US.UTF-8', 'en': 'en_US.ISO8859-1',
                'en_us': 'en_US.ISO8859-1', 'en_us.utf8': 'en_US.UTF-8'}
locale_encoding_alias = {'utf8': 'UTF-8', 'latin_1': 'ISO8859-1', 'ascii': 'ISO8859-1'}
windows_locale = {0x0409: 'en_US', 0x0809: 'en_GB', 0x0407: 'de_DE', 0x040c: 'fr_FR'}
