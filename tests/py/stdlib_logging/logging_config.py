# The last-resort handler, module-level helpers, basicConfig() in its forms,
# FileHandler, threads, and shutdown at exit.
import contextlib
import io
import logging
import os
import tempfile
import threading

# Nothing configured: WARNING and above print bare to (the current) stderr.
err = io.StringIO()
with contextlib.redirect_stderr(err):
    named = logging.getLogger('quiet.app')
    named.info('info is below the last resort level')
    named.warning('bare warning %d', 1)
    named.error('bare error')
print(repr(err.getvalue()))
print(logging.root.handlers, logging.lastResort.level)

# A module-level call configures the root logger first.
err = io.StringIO()
with contextlib.redirect_stderr(err):
    logging.warning('module level %s', 'warning')
    logging.info('not at WARNING')
    named.error('now through the root handler')
print(repr(err.getvalue()))
print(len(logging.root.handlers), type(logging.root.handlers[0]).__name__)

# A second basicConfig() is ignored, unknown keywords included.
logging.basicConfig(level=logging.DEBUG, bogus=1)
print(logging.root.level)

out = io.StringIO()
logging.basicConfig(stream=out, level=logging.INFO, format='%(levelname)s %(name)s: %(message)s', force=True)
logging.info('forced %s', 'config')
logging.debug('below INFO')
named.warning('named')
logging.log(logging.ERROR, 'via log()')
print(out.getvalue(), end='')

for style, fmt in (('{', '{levelname}-{message}'), ('$', '$levelname-$message'), ('%', None)):
    out = io.StringIO()
    kw = {'format': fmt} if fmt else {}
    logging.basicConfig(stream=out, style=style, force=True, **kw)
    logging.warning('style %s', style)
    print(out.getvalue(), end='')
for style in ('{', '$'):
    out = io.StringIO()
    logging.basicConfig(stream=out, style=style, force=True)
    logging.error('default format for %s', style)
    print(out.getvalue(), end='')

for kwargs in ({'stream': io.StringIO(), 'filename': 'x.log'},
               {'handlers': [logging.NullHandler()], 'stream': io.StringIO()},
               {'style': '?'},
               {'nonsense': 1, 'other': 2}):
    try:
        logging.basicConfig(force=True, **kwargs)
    except ValueError as e:
        print('ValueError', e)

out = io.StringIO()
mine = logging.StreamHandler(out)
mine.setFormatter(logging.Formatter('custom: %(message)s'))
plain = logging.StreamHandler(out)
logging.basicConfig(handlers=[mine, plain], force=True, format='plain: %(message)s')
logging.warning('two handlers')
print(out.getvalue(), end='')

# Files: basicConfig(filename=...), filemode, FileHandler with delay.
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'app.log')
logging.basicConfig(filename=path, filemode='w', level=logging.DEBUG,
                    format='%(levelname)s:%(message)s', force=True)
logging.debug('to the file')
logging.getLogger('x.y').info('also to the file')
fh = logging.root.handlers[0]
print(type(fh).__name__, fh.baseFilename == path, fh.mode, repr(fh).endswith('app.log (NOTSET)>'))
fh.flush()
with open(path) as f:
    print(f.read(), end='')
logging.basicConfig(filename=path, filemode='a', force=True)
logging.error('appended')
logging.root.handlers[0].close()
with open(path) as f:
    print(f.read(), end='')

later = os.path.join(tmp, 'later.log')
dh = logging.FileHandler(later, delay=True)
print(os.path.exists(later), dh.stream)
lg = logging.getLogger('delayed')
lg.propagate = False
lg.addHandler(dh)
lg.warning('created on first emit')
print(os.path.exists(later))
dh.close()
with open(later) as f:
    print(f.read(), end='')

# Many threads through one handler: every line arrives whole.
out = io.StringIO()
logging.basicConfig(stream=out, format='%(threadName)s %(message)s', force=True)


def worker(n):
    for i in range(50):
        logging.warning('line %d of %d', i, n)


threads = [threading.Thread(target=worker, args=(n,), name='T%d' % n) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
lines = out.getvalue().splitlines()
print(len(lines), all(ln.split()[0] == 'T' + ln.split()[-1] for ln in lines))

print(logging.getLevelNamesMapping()['WARN'])
