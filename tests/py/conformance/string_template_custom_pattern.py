# string.Template subclasses that change idpattern, braceidpattern, flags or
# the whole pattern.
import re
from string import Template


class Dotted(Template):
    idpattern = r'[_a-z][._a-z0-9]*'

t = Dotted('$user.name paid ${item.price} for $item')
print(t.substitute({'user.name': 'ann', 'item.price': 3, 'item': 'tea'}))
print(t.get_identifiers(), t.is_valid())


class At(Template):
    delimiter = '@'
    idpattern = r'[a-z]+'

print(At('@x and @@ and @{y}').substitute(x=1, y=2))
print(At('@X').safe_substitute(X=1))


class CaseSensitive(Template):
    flags = 0

c = CaseSensitive('$low $UP ${mid}')
print(c.safe_substitute(low='l', UP='u', mid='m'))
try:
    c.substitute(low='l', UP='u', mid='m')
except ValueError as e:
    print('ValueError', e)


class Braces(Template):
    braceidpattern = r'[A-Z]+'

b = Braces('$lower ${UPPER} ${lower}')
print(b.safe_substitute(lower='x', UPPER='Y'))
try:
    b.substitute(lower='x', UPPER='Y')
except ValueError as e:
    print('ValueError', e)


class Whole(Template):
    pattern = r'''
    %(?:
      (?P<escaped>%) |
      (?P<named>[a-z]+) |
      <(?P<braced>[a-z]+)> |
      (?P<invalid>)
    )'''

w = Whole('%a %<b>c %% %9')
print(w.safe_substitute(a=1, b=2), w.is_valid(), w.get_identifiers())
try:
    w.substitute(a=1, b=2)
except ValueError as e:
    print('ValueError', e)
print(isinstance(Whole.pattern, re.Pattern), Whole.pattern.flags & re.VERBOSE != 0)


class Broken(Template):
    pattern = r'(?P<other>x)|(?P<escaped>\$\$)|\$(?P<named>\w+)|\$\{(?P<braced>\w+)\}|(?P<invalid>\$)'

for call in (lambda: Broken('x').substitute(), lambda: Broken('x').safe_substitute(),
             lambda: Broken('x').is_valid(), lambda: Broken('x').get_identifiers()):
    try:
        call()
    except ValueError as e:
        print('ValueError', e.args[0])


class Empty(Template):
    pattern = r'(?P<invalid>) | zz((?P<named>) | (?P<braced>) | (?P<escaped>))'

try:
    Empty('').substitute({})
except ValueError as e:
    print('ValueError', e)
multi = Dotted('first line\nsecond $ here')
try:
    multi.substitute()
except ValueError as e:
    print('ValueError', e)
print(Template('$a $$ ${b}').substitute(a=1, b=2))
