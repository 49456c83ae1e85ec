# csv.writer: when fields are quoted or escaped, each quoting mode, the
# conversion of non-str values, the lone-empty-field rule and the errors.
import csv
import io


def show(rows, **fmt):
    out = io.StringIO()
    w = csv.writer(out, **fmt)
    results = []
    try:
        for row in rows:
            results.append(w.writerow(row))
    except (csv.Error, TypeError, ValueError) as e:
        results.append(type(e).__name__ + ": " + str(e))
    print(repr(out.getvalue()), results)


class Money:
    """A number type of its own: __float__ makes it numeric for
    QUOTE_NONNUMERIC, __str__ gives its text."""

    def __init__(self, cents):
        self.cents = cents

    def __float__(self):
        return self.cents / 100

    def __str__(self):
        return '%d.%02d' % divmod(self.cents, 100)


class Ratio:
    def __init__(self, n, d):
        self.n, self.d = n, d

    def __index__(self):
        return self.n // self.d

    def __str__(self):
        return '%d/%d' % (self.n, self.d)


show([['plain', 'with,comma', 'say "hi"', 'multi\nline', 'cr\rhere', '']])
show([[1, -2, 2**70, 0.1, 1e16, -0.0, float('inf'), True, None, Money(150), Ratio(1, 3), 1j]])
show([[Money(5), Ratio(7, 2), 1j, 'x', None, b'b']], quoting=csv.QUOTE_NONNUMERIC)
show([[''], [None], [], ['', ''], [None, None], ['x']])
# Which characters of the line terminator force quoting.
for lt in ['\r\n', '\n', '!', 'ab']:
    show([['a\rb', 'a\nb', 'x!y', 'bad', 'z']], lineterminator=lt)
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE):
    show([['a', 1, 2.5, None, '', 'b c', True]], quoting=quoting, escapechar='\\')
    show([['']], quoting=quoting)
# Escaping instead of quoting.
show([['a,b', 'c"d', 'e\\f', 'g\nh']], quoting=csv.QUOTE_NONE, escapechar='\\')
show([['a,b']], quoting=csv.QUOTE_NONE)
show([['c"d']], quoting=csv.QUOTE_NONE, escapechar='\\', quotechar=None)
show([['say "hi"', 'x\\y', 'plain']], doublequote=False, escapechar='\\')
show([['say "hi"']], doublequote=False)
show([['a$b', 'c,d']], escapechar='$')
show([["it's", 'a;b', '"q"']], delimiter=';', quotechar="'")
# Non-ASCII fields, delimiter and quote character.
show([['é', 'ça,va', 'x§y']], delimiter='§')
show([['«', 'a b']], quotechar='«', quoting=csv.QUOTE_ALL)
# Rows that are any iterable; values that fail to convert.
show([(1, 2), range(3), iter(['x', 'y']), 'abc', {'k': 1}])


class Bad:
    def __str__(self):
        raise ValueError('no text')


show([[1, Bad()]])
show([5])
show([None])


class Growing(list):
    pass


show([Growing(['a', 'b'])])
# writerows and what writerow returns (the file's write() result).
out = io.StringIO()
w = csv.writer(out, lineterminator='\n')
print(w.writerows([['a'], ['b', 'c']]), repr(out.getvalue()))
try:
    w.writerows(5)
except TypeError as e:
    print('TypeError:', e)
try:
    w.writerows([['ok'], 3])
except csv.Error as e:
    print('Error:', e, repr(out.getvalue()))


class Recorder:
    def __init__(self):
        self.lines = []

    def write(self, line):
        self.lines.append(line)
        return 'written %d' % len(line)


rec = Recorder()
w = csv.writer(rec, 'excel-tab')
print(w.writerow(['a b', 'c\td']), rec.lines, w.dialect.delimiter == '\t')
for args in [(), (1, 2, 3)]:
    try:
        csv.writer(*args)
    except TypeError as e:
        print('TypeError:', e)
for target in [None, 3, type('W', (), {'write': 5})()]:
    try:
        csv.writer(target)
    except TypeError as e:
        print('TypeError:', e)
try:
    w.writerow()
except TypeError as e:
    print('TypeError:', e)
