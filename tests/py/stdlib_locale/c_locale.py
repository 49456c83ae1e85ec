# locale in the C locale: setlocale/getlocale for C-like names, the errors
# for others, localeconv, nl_langinfo, and number formatting and parsing.
import locale

print(locale.setlocale(locale.LC_ALL, 'C'))
print(locale.setlocale(locale.LC_ALL), locale.getlocale(), locale.getlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_NUMERIC, 'POSIX'), locale.setlocale(locale.LC_CTYPE, 'C.UTF-8'))
print(locale.getlocale(), locale.setlocale(locale.LC_CTYPE))
print(locale.setlocale(locale.LC_ALL))
try:
    locale.getlocale(locale.LC_ALL)
except TypeError as e:
    print('TypeError:', e)
print(locale.setlocale(locale.LC_ALL, 'C'), locale.getlocale(locale.LC_ALL))
for bad in ('xx_YY', 'en_US.ISO8859-1', 'klingon'):
    try:
        locale.setlocale(locale.LC_ALL, bad)
    except locale.Error as e:
        print(bad, 'Error:', e)
print(locale.setlocale(locale.LC_ALL), issubclass(locale.Error, Exception))
print(locale.localeconv())
for item in ('CODESET', 'RADIXCHAR', 'THOUSEP', 'D_FMT', 'T_FMT', 'D_T_FMT', 'DAY_1', 'ABDAY_7',
             'MON_12', 'ABMON_5', 'AM_STR', 'YESEXPR', 'NOEXPR'):
    print(item, getattr(locale, item), repr(locale.nl_langinfo(getattr(locale, item))))
print(locale.LC_ALL, locale.LC_CTYPE, locale.LC_NUMERIC, locale.LC_TIME, locale.LC_COLLATE,
      locale.LC_MONETARY, locale.LC_MESSAGES, locale.CHAR_MAX)
print(locale.format_string('%d', 1234567, grouping=True), locale.format_string('%.2f', 1234.5))
print(locale.format_string('%10.3f|%-5d|%s', (3.14159, 42, 'x')),
      locale.format_string('%(a)s %(b)d', {'a': 'A', 'b': 2}), locale.format_string('%.1f%%', 5.0))
print(locale.str(3.14159265358979), locale.str(2.0), locale.str(1e20))
print(locale.atof('  3.5 '), locale.atoi('-7'), locale.atof('2', int), locale.delocalize('1.5'),
      locale.localize('1234.5'))
try:
    locale.atoi('1,000')
except ValueError as e:
    print('ValueError:', e)
try:
    locale.currency(5)
except ValueError as e:
    print('ValueError:', e)
print(locale.strcoll('b', 'a'), locale.strcoll('a', 'a'), locale.strcoll('a', 'b'), locale.strxfrm('b'))
print(sorted(['b', 'A', 'a', 'B'], key=locale.strxfrm))
print(locale.normalize('C'), locale.normalize('POSIX'), locale.normalize('en_US.utf8'),
      locale.normalize('de_DE'), locale.normalize('fr'), locale.normalize('C.UTF-8'))
print(locale.getpreferredencoding(), locale.getpreferredencoding(False), locale.getencoding())
print(locale.gettext('hello'), locale.dgettext('dom', 'hi'))
