# Loggers, levels, the hierarchy, handlers on explicit streams, and reprs.
import io
import logging

print(logging.getLevelName(10), logging.getLevelName(50), logging.getLevelName('INFO'))
print(logging.getLevelName(15), logging.getLevelName('NOPE'))
logging.addLevelName(25, 'NOTICE')
print(logging.getLevelName(25), logging.getLevelName('NOTICE'))

root = logging.getLogger()
print(root is logging.getLogger('root'), root is logging.root, repr(root))
a = logging.getLogger('app')
abc = logging.getLogger('app.b.c')
ab = logging.getLogger('app.b')
print(abc.parent is ab, ab.parent is a, a.parent is root)
print(logging.getLogger('app.b') is ab, a.getChild('b') is ab)
print(repr(abc), abc.getEffectiveLevel())
a.setLevel(logging.DEBUG)
print(repr(abc), abc.getEffectiveLevel(), abc.isEnabledFor(logging.DEBUG))
a.setLevel('ERROR')
print(abc.isEnabledFor(logging.WARNING), abc.isEnabledFor(logging.ERROR))
for bad in ('LOUD', 1.5):
    try:
        a.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a.setLevel(logging.NOTSET)

out = io.StringIO()
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter('%(levelname)s|%(name)s|%(message)s'))
a.addHandler(h)
a.setLevel(logging.INFO)
print(a.hasHandlers(), abc.hasHandlers(), logging.getLogger('other').hasHandlers())
abc.debug('hidden %d', 1)
abc.info('shown %d + %s', 1, 'x')
ab.warning('dict %(k)s', {'k': 'v'})
a.log(25, 'custom level')
a.error('err')
a.critical('crit')
abc.propagate = False
abc.error('not propagated, goes to last resort? no: printed to stderr')
abc.propagate = True
h.setLevel(logging.ERROR)
a.warning('filtered by the handler level')
a.error('passes the handler level')
print(out.getvalue(), end='')
print(repr(h).startswith('<StreamHandler'), repr(h).endswith('(ERROR)>'))
a.removeHandler(h)
print(a.hasHandlers())

try:
    a.log('INFO', 'x')
except TypeError as e:
    print('TypeError', e)

# Filters: by name prefix, and plain callables.
out = io.StringIO()
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter('%(name)s:%(message)s'))
a.addHandler(h)
h.addFilter(logging.Filter('app.b'))
a.info('app is filtered out')
ab.info('app.b passes')
abc.info('app.b.c passes')
logging.getLogger('app.bc').info('app.bc is filtered out')
h.filters.clear()
a.addFilter(lambda r: 'secret' not in r.getMessage())
a.info('a secret message')
a.info('a plain message')
print(out.getvalue(), end='')
print(len(a.filters))

# LoggerAdapter adds extra fields.
out = io.StringIO()
h.setStream(out)
h.setFormatter(logging.Formatter('[%(user)s] %(message)s'))
ad = logging.LoggerAdapter(a, {'user': 'ann'})
ad.info('hello %s', 'world')
ad.debug('not shown')
print(repr(ad), ad.isEnabledFor(logging.INFO), ad.getEffectiveLevel())
a.info('with extra', extra={'user': 'bob'})
try:
    a.info('clash', extra={'name': 'x'})
except KeyError as e:
    print('KeyError', e)
print(out.getvalue(), end='')
a.removeHandler(h)

# NullHandler keeps a logger quiet, and counts as a handler.
lib = logging.getLogger('lib')
lib.addHandler(logging.NullHandler())
lib.error('swallowed')
print(lib.hasHandlers(), repr(logging.NullHandler()))

# disable() silences levels at or below the argument.
out = io.StringIO()
h = logging.StreamHandler(out)
a.addHandler(h)
logging.disable(logging.WARNING)
a.warning('disabled')
a.error('still on')
logging.disable(logging.NOTSET)
a.warning('back on')
print(out.getvalue(), end='')

rec = logging.makeLogRecord({'msg': 'hi %s', 'args': ('there',), 'levelno': 20})
print(rec.getMessage(), rec.levelno)
r = logging.LogRecord('n', 10, '/p/mod.py', 3, 'm %s', (1,), None)
print(repr(r), r.filename, r.module, r.getMessage(), r.levelname)
