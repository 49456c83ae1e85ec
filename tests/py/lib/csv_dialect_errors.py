# csv dialects: the validation of every formatting parameter with CPython
# 3.11's messages, the registry, Dialect classes and the Dialect type.
import csv
import _csv


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', result)


def describe(d):
    return (d.delimiter, d.quotechar, d.escapechar, d.lineterminator, d.quoting,
            d.doublequote, d.skipinitialspace, d.strict)


class _Sink:
    def write(self, s):
        return len(s)


bad_params = [
    dict(delimiter=None), dict(delimiter=1), dict(delimiter=''), dict(delimiter='::'),
    dict(quotechar=1), dict(quotechar=''), dict(quotechar='ab'), dict(quotechar=None, quoting=0),
    dict(escapechar=1), dict(escapechar='ab'), dict(lineterminator=None),
    dict(lineterminator=1), dict(quoting=None), dict(quoting=1.0), dict(quoting=True),
    dict(quoting=-1), dict(quoting=4), dict(quoting=2**70), dict(foo=1),
]
for params in bad_params:
    attempt('reader %r' % (params,), lambda: csv.reader([], **params))
    attempt('writer %r' % (params,), lambda: csv.writer(_Sink(), **params))
good_params = [
    dict(), dict(quotechar=None), dict(escapechar=None), dict(delimiter='\t', quoting=3),
    dict(doublequote=0, skipinitialspace=[1], strict='yes'), dict(lineterminator=''),
]
for params in good_params:
    attempt('ok %r' % (params,), lambda: describe(csv.reader([], **params).dialect))
attempt('positional dialect', lambda: describe(csv.reader([], 'excel-tab').dialect))
attempt('unknown name', lambda: csv.reader([], 'nope'))
attempt('dialect twice', lambda: csv.reader([], 'excel', dialect='unix'))
attempt('no args', lambda: csv.reader())
attempt('three args', lambda: csv.reader([], 'excel', 3))
attempt('not iterable', lambda: csv.reader(3))

# The Dialect type: keyword and positional parameters, sharing, read-only.
d = _csv.Dialect(delimiter=';', quoting=csv.QUOTE_ALL)
print(describe(d), type(d).__name__)
print(_csv.Dialect(d) is d, _csv.Dialect(d, strict=True) is d)
print(describe(_csv.Dialect(None, '|')), describe(_csv.Dialect(3)))
attempt('too many', lambda: _csv.Dialect(*range(10)))
attempt('bad keyword', lambda: _csv.Dialect(foo=1))
for attr in ['delimiter', 'quoting', 'lineterminator', 'strict', 'doublequote', 'other']:
    attempt('set ' + attr, lambda: setattr(d, attr, 1))
r = csv.reader([])
for attr in ['line_num', 'dialect']:
    attempt('set reader.' + attr, lambda: setattr(r, attr, 1))
attempt('new reader', lambda: type(r)())
attempt('new writer', lambda: type(csv.writer(_Sink()))())
print(csv.reader, csv.Error, csv.Error.__module__, issubclass(csv.Error, Exception))


# Dialect classes: validated on instantiation, usable by name or class.
class Semi(csv.Dialect):
    delimiter = ';'
    quotechar = "'"
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL


print(describe(csv.reader([], Semi).dialect), Semi()._valid)
attempt('base Dialect', lambda: csv.Dialect())


class Broken(csv.Dialect):
    delimiter = ';;'
    quotechar = '"'
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL


attempt('broken class', lambda: Broken())
attempt('broken class used', lambda: csv.reader([], Broken))
print(describe(csv.reader([], csv.excel).dialect), describe(csv.reader([], csv.unix_dialect).dialect))

# The registry.
print(sorted(csv.list_dialects()))
csv.register_dialect('semi', Semi)
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_NONE, escapechar='\\')
csv.register_dialect('plain')
print(describe(csv.get_dialect('semi')), describe(csv.get_dialect('pipes')),
      describe(csv.get_dialect('plain')))
print(list(csv.reader(['a|b\\|c'], 'pipes')), sorted(csv.list_dialects()))
csv.register_dialect('semi', 'pipes')
print(csv.get_dialect('semi') is csv.get_dialect('pipes'))
for name in ['semi', 'pipes', 'plain']:
    csv.unregister_dialect(name)
attempt('unregister twice', lambda: csv.unregister_dialect('semi'))
attempt('get missing', lambda: csv.get_dialect('semi'))
attempt('get unhashable', lambda: csv.get_dialect([]))
attempt('register number', lambda: csv.register_dialect(1))
attempt('register nothing', lambda: csv.register_dialect())
attempt('register bad', lambda: csv.register_dialect('x', delimiter=''))
attempt('list with args', lambda: csv.list_dialects(1))
print('x' in csv.list_dialects())

# field_size_limit's arguments.
attempt('limit two args', lambda: csv.field_size_limit(1, 2))
attempt('limit str', lambda: csv.field_size_limit('a'))
attempt('limit bool', lambda: csv.field_size_limit(True))
attempt('limit huge', lambda: csv.field_size_limit(2**70))
attempt('limit keyword', lambda: csv.field_size_limit(new_limit=1000))
attempt('limit back', lambda: csv.field_size_limit(131072))
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__)
