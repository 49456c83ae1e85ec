# string.Template: placeholders, escapes, invalid placeholders and their
# positions, safe_substitute, mapping/keyword precedence, identifiers,
# custom delimiters, and the string constants and capwords.
import string
from string import Template

print(string.__all__)
for name in ('whitespace', 'ascii_lowercase', 'ascii_uppercase', 'ascii_letters', 'digits',
             'hexdigits', 'octdigits', 'punctuation', 'printable'):
    print(name, repr(getattr(string, name)))

for args in ((' hello   world  ',), ('ALL CAPS hERE',), ('',), ('a-b--c', '-'), ('x  y', ' '),
             ("it's o'neil",), ('tab\tsep\nnl',), ('mIxEd', None)):
    print(args, repr(string.capwords(*args)))

cases = [
    '$who likes $what',
    '${who}s and ${what}!',
    '$$ is a dollar, $$$who too',
    'trailing $',
    'bad $1 placeholder',
    'brace ${unclosed',
    'brace ${1x}',
    'brace ${ who}',
    'braces ${}',
    '$who$what',
    '$_under $a1b2 ${_x_}',
    '$whoever',
    'unicode $naïve',
    'line one\nline two $ bad',
    'line1\r\nline2\n  $ x',
    '$who ${what',
    '',
    'no placeholders at all',
]
values = {'who': 'tim', 'what': 'ham', '_under': 'U', 'a1b2': 'A', '_x_': 'X', 'naïve': 'N'}
for text in cases:
    t = Template(text)
    try:
        out = repr(t.substitute(values))
    except (KeyError, ValueError) as e:
        out = '%s: %s' % (type(e).__name__, e)
    print(repr(text), '->', out)
    print('   safe:', repr(t.safe_substitute(values)), 'safe-empty:', repr(t.safe_substitute()))
    print('   valid:', t.is_valid(), end=' ')
    try:
        print('ids:', t.get_identifiers())
    except ValueError as e:
        print('ids ValueError:', e.args[0])

t = Template('$a and ${b}')
print(t.substitute(a=1, b=2), t.substitute({'a': 1, 'b': 2}), t.substitute({'a': 1, 'b': 2}, b='kw'))
print(t.safe_substitute({'a': 'm'}, c=3), t.template)
try:
    t.substitute({'a': 1})
except KeyError as e:
    print('KeyError:', e)
try:
    t.substitute(a=1)
except KeyError as e:
    print('KeyError:', e)


class Lazy(dict):
    def __missing__(self, key):
        return '<%s>' % key


print(Template('$x ${y} $$').substitute(Lazy(x=1)))
print(Template('$n items').substitute(n=3.5), Template('$o').substitute(o=None), Template('$l').substitute(l=[1]))


class Percent(Template):
    delimiter = '%'


class Multi(Template):
    delimiter = '::'


class Dotty(Template):
    delimiter = '.'


print(Percent('%x and %% and %{y}').substitute(x=1, y=2))
print(Multi('::a ::::b ::{c}').substitute(a=1, c=3))
print(Dotty('.x.y..').safe_substitute(x=1))
try:
    Percent('50% off').substitute()
except ValueError as e:
    print('ValueError:', e)
print(Template.delimiter, Percent.delimiter, Template('x').template)
try:
    Template('$a').substitute({'a': 1}, {'b': 2})
except TypeError as e:
    print('TypeError: positional')
print(Template('$self $mapping').substitute(self='s', mapping='m'))
