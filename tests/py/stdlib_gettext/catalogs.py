# gettext: NullTranslations, .mo catalogs built by hand (plural forms,
# contexts, fallbacks), translation(), install() and c2py().
import builtins
import gettext
import os
import shutil
import struct
import tempfile


def write_mo(path, entries):
    """A little-endian .mo file holding [entries] (key bytes -> value bytes)."""
    keys = sorted(entries)
    header = 7 * 4
    originals_at = header
    translations_at = originals_at + 8 * len(keys)
    data_at = translations_at + 8 * len(keys)
    blob = b''
    key_table = []
    for key in keys:
        key_table.append((len(key), data_at + len(blob)))
        blob += key + b'\0'
    value_table = []
    for key in keys:
        value_table.append((len(entries[key]), data_at + len(blob)))
        blob += entries[key] + b'\0'
    out = struct.pack('<7I', 0x950412de, 0, len(keys), originals_at, translations_at, 0, 0)
    for length, offset in key_table + value_table:
        out += struct.pack('<2I', length, offset)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(out + blob)


null = gettext.NullTranslations()
print(null.gettext('a'), null.ngettext('file', 'files', 1), null.ngettext('file', 'files', 3))
print(null.pgettext('menu', 'Open'), null.npgettext('menu', 'item', 'items', 0))
print(null.info(), null.charset())
print(gettext.gettext('untranslated'), gettext.ngettext('x', 'xs', 2))
print(gettext.textdomain(), gettext.find('surely-no-such-domain', '/nonexistent'))

tmp = tempfile.mkdtemp()
try:
    meta = ('Project-Id-Version: demo 1.0\n'
            'Content-Type: text/plain; charset=UTF-8\n'
            'Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && '
            '(n%100<10 || n%100>=20) ? 1 : 2);\n').encode()
    write_mo(os.path.join(tmp, 'pl', 'LC_MESSAGES', 'demo.mo'), {
        b'': meta,
        b'Hello': 'Cze\u015b\u0107'.encode(),
        b'file\0files': 'plik\0pliki\0plik\u00f3w'.encode(),
        b'menu\x04Open': b'Otw\xc3\xb3rz',
    })
    write_mo(os.path.join(tmp, 'de', 'LC_MESSAGES', 'demo.mo'), {
        b'': b'Content-Type: text/plain; charset=UTF-8\n',
        b'Goodbye': b'Auf Wiedersehen',
        b'Hello': b'Hallo',
    })
    t = gettext.translation('demo', tmp, languages=['pl', 'de'])
    print(type(t).__name__, t.charset(), sorted(t.info().items()))
    print(t.gettext('Hello'), t.gettext('Goodbye'), t.gettext('Unknown'))
    for n in (1, 2, 5, 12, 22, 25, 101, 104):
        print(n, t.ngettext('file', 'files', n))
    print(t.pgettext('menu', 'Open'), t.pgettext('other', 'Open'))
    print(t.npgettext('ctx', 'one', 'many', 1), t.npgettext('ctx', 'one', 'many', 2))
    print(os.path.relpath(gettext.find('demo', tmp, ['de_DE.UTF-8']), tmp))
    print([os.path.relpath(p, tmp) for p in gettext.find('demo', tmp, ['pl', 'fr', 'de'], all=True)])
    print(gettext.find('demo', tmp, ['fr']))
    try:
        gettext.translation('demo', tmp, languages=['fr'])
    except FileNotFoundError as exc:
        print('FileNotFoundError:', exc.errno, exc.strerror, exc.filename)
    print(type(gettext.translation('demo', tmp, ['fr'], fallback=True)).__name__)

    t.install(names=['ngettext'])
    print(_('Hello'), ngettext('file', 'files', 3))
    del builtins._, builtins.ngettext
    gettext.install('demo', tmp)
    print(_('Hello'))
    del builtins._

    gettext.bindtextdomain('demo', tmp)
    print(os.path.relpath(gettext.bindtextdomain('demo'), tmp))
    print(gettext.dgettext('demo', 'Hello') in ('Hello', 'Hallo', 'Cze\u015b\u0107'))

    bad = os.path.join(tmp, 'bad.mo')
    with open(bad, 'wb') as f:
        f.write(b'\0' * 40)
    try:
        with open(bad, 'rb') as f:
            gettext.GNUTranslations(f)
    except OSError as exc:
        print('OSError:', exc.strerror)
finally:
    shutil.rmtree(tmp)

rule = gettext.c2py('n != 1')
print([rule(n) for n in range(4)])
ru = gettext.c2py('(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)')
print([ru(n) for n in (1, 2, 5, 11, 21, 22, 111, 1000)])
print(gettext.c2py('0')(5), gettext.c2py('n>1')(2), gettext.c2py('!(n==0)')(0))
for expr in ['n +* 1', '(n', 'n)', 'n ? 1', 'n; import os', 'x', '']:
    try:
        gettext.c2py(expr)
        print(repr(expr), 'accepted')
    except ValueError as exc:
        print(repr(expr), 'ValueError:', exc)
try:
    rule('3')
except TypeError as exc:
    print('TypeError:', exc)
