# string.Formatter: parse() output, field lookup (attributes, indexes, nested
# specs), automatic vs manual numbering, conversions, the overridable hooks
# and the error messages.
from string import Formatter

f = Formatter()
for fmt in ('plain', '{}', 'a{0}b', '{x:>5}', '{{}}', 'x{{y}}z', '{a!r:^10}', '{0[1]}{0.real}',
            '{:{width}.{prec}f}', 'end{', '{!s}', '}}', '{0!a}', '{a[x y]}', '{a:}', '',
            '{0:{1}{2}}', 'lit{}lit{}lit', '{a.b.c[0][1]}', '{ }', '{:}}}'):
    try:
        print(repr(fmt), list(f.parse(fmt)))
    except ValueError as e:
        print(repr(fmt), 'ValueError:', e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)

    def __format__(self, spec):
        return 'P<%s,%s>%s' % (self.x, self.y, spec)


p = Point(1, 2)
good = [
    ('{} and {}', (1, 2), {}),
    ('{1} {0} {1}', ('a', 'b'), {}),
    ('{name}={value!r}', (), {'name': 'k', 'value': 'v'}),
    ('{0.x},{0.y}|{0}|{0:spec}|{0!r}|{0!s:>12}', (p,), {}),
    ('{d[key]} {d[0]} {l[2]}', (), {'d': {'key': 'K', 0: 'zero', '0': 's'}, 'l': [1, 2, 3]}),
    ('{:{}{}}|', ('x', '>', 6), {}),
    ('{:{w}.{p}f}', (3.14159,), {'w': 10, 'p': 2}),
    ('{0:{1}}', ('abc', '*^9'), {}),
    ('{!a} {!r}', ('é', 'é'), {}),
    ('{:,} {:_x} {:08.3f} {:%} {:e}', (1234567, 255, -3.5, 0.25, 12345.678), {}),
    ('{{literal}} {}', ('x',), {}),
    ('{0[0][1]}', ([[1, 2]],), {}),
]
for fmt, args, kwargs in good:
    print(repr(fmt), '->', repr(f.format(fmt, *args, **kwargs)), repr(f.vformat(fmt, args, kwargs)))

bad = [
    ('{} {1}', (1, 2), {}),
    ('{0} {}', (1, 2), {}),
    ('{2}', (1,), {}),
    ('{missing}', (), {}),
    ('{0.nope}', (1,), {}),
    ('{0!x}', (1,), {}),
    ('{0:{1:{2:{3}}}}', (1, 2, 3, 4), {}),
    ('{', (), {}),
    ('}', (), {}),
    ('{0[}', ([1],), {}),
    ('{0!}', (1,), {}),
    ('{0!rr}', (1,), {}),
    ('{0.}', (1,), {}),
    ('{0[0]x}', ([1],), {}),
    ('{:d}', ('s',), {}),
    ('{0[1]}', ('a',), {}),
]
for fmt, args, kwargs in bad:
    try:
        print(repr(fmt), 'unexpected', f.format(fmt, *args, **kwargs))
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as e:
        print(repr(fmt), type(e).__name__ + ':', e)

print('hooks:', f.get_value(0, ('a',), {}), f.get_value('k', (), {'k': 'v'}),
      f.convert_field(5, None), f.convert_field('x', 'r'), f.convert_field('é', 'a'),
      f.format_field(3.14159, '.2f'), f.check_unused_args({0}, (1, 2), {}))
print(f.get_field('0.real', (5,), {}), f.get_field('k[1]', (), {'k': 'xyz'}), f.get_field('0', ('z',), {}))
try:
    f.convert_field(1, 'q')
except ValueError as e:
    print('ValueError:', e)
try:
    f.format()
except TypeError:
    print('format() needs a format string')
print(f.format(format_string='{}', *['kw-only name ok']) if False else f.format('{format_string}', format_string=1))


class Strict(Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(range(len(args))) | set(kwargs)
        unused -= used_args
        if unused:
            raise ValueError('unused: %s' % sorted(map(str, unused)))


s = Strict()
print(s.format('{} {name}', 1, name=2))
for call in (lambda: s.format('{}', 1, 2), lambda: s.format('{a}', a=1, b=2)):
    try:
        call()
    except ValueError as e:
        print('ValueError:', e)


class Defaulting(Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, '<' + key + '>')
        return super().get_value(key, args, kwargs)

    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

    def convert_field(self, value, conversion):
        if conversion == 'u':
            return str(value).upper()
        return super().convert_field(value, conversion)


d = Defaulting()
print(d.format('{a} {b} {0} {c!u} {x!r}', 'pos', a='one', c='up', x='q'))


class Logging(Formatter):
    def parse(self, format_string):
        items = list(super().parse(format_string))
        print('  parse', repr(format_string), len(items))
        return items


print(Logging().format('{:{}}-{}', 'v', 4, 'w'))
