# Formatter attributes and styles, exception and stack text, validation errors.
import io
import logging
import os
import sys
import threading

out = io.StringIO()
log = logging.getLogger('fmt')
log.propagate = False
h = logging.StreamHandler(out)
log.addHandler(h)
log.setLevel(logging.DEBUG)


def emit_with(fmt, style='%', **kw):
    h.setFormatter(logging.Formatter(fmt, style=style, **kw))
    log.info('msg %s', 'arg')


def where():
    emit_with('%(funcName)s %(lineno)d %(module)s %(filename)s %(levelno)d %(levelname)-8s|')


where()
emit_with('{name}/{levelname}/{message}/{funcName}', style='{')
emit_with('$name $levelname ${message}!', style='$')
emit_with('%(threadName)s %(processName)s %(name)r %(message)10s|')
emit_with('%(missing)s', defaults={'missing': 'filled-in'})
emit_with('{missing}:{message}', style='{', defaults={'missing': 'dflt'})
h.setFormatter(logging.Formatter('%(pathname)s|%(process)d|%(thread)d|%(created)f|%(msecs)d|%(relativeCreated)d'))
log.info('x')
print(out.getvalue().splitlines()[:-1])
fields = out.getvalue().splitlines()[-1].split('|')
print(fields[0] == os.path.abspath(__file__) or fields[0] == __file__,
      fields[1] == str(os.getpid()), fields[2] == str(threading.get_ident()),
      float(fields[3]) > 1e9, 0 <= int(fields[4]) < 1000, int(fields[5]) >= 0)
out.seek(0)
out.truncate()
print(logging.Formatter('%(asctime)s %(message)s').usesTime(),
      logging.Formatter('{asctime}', style='{').usesTime(),
      logging.Formatter('%(message)s').usesTime())

# asctime with an explicit datefmt and a fixed record time.
f = logging.Formatter('%(asctime)s %(message)s', datefmt='%Y')
rec = logging.LogRecord('n', 20, __file__, 1, 'at a time', None, None)
rec.created = 0.0
print(len(f.format(rec).split()[0]) == 4, f.format(rec).endswith('at a time'))
print(len(logging.Formatter().formatTime(rec)) == len('2000-01-01 00:00:00,000'))

for bad, style in (('%(x', '%'), ('no fields', '{'), ('plain', '$'), ('x', 'x')):
    try:
        logging.Formatter(bad, style=style)
    except ValueError as e:
        print('ValueError', e)
try:
    logging.Formatter('%(nothere)s').format(rec)
except (KeyError, ValueError) as e:
    print(type(e).__name__, e)

# exc_info and exception(): the traceback follows the message.
h.setFormatter(logging.Formatter('%(levelname)s:%(message)s'))


def fails():
    raise ValueError('bad value')


try:
    fails()
except ValueError:
    log.exception('caught %s', 'it')
try:
    {}['k']
except KeyError as e:
    log.error('explicit', exc_info=e)
    log.warning('tuple', exc_info=sys.exc_info())
log.info('no exception here', exc_info=False)
text = out.getvalue()
# Frame lines carry the script's path, which depends on how it was run.
lines = [ln.split(',', 1)[1] if ln.startswith('  File') else ln
         for ln in text.splitlines() if not ln.startswith('    ')]
print('\n'.join(lines))
out.seek(0)
out.truncate()

log.info('with stack', stack_info=True)
text = out.getvalue().splitlines()
print(text[0], text[1], text[-1].strip())
out.seek(0)
out.truncate()


def helper():
    log.info('from helper', stacklevel=2)


def outer():
    helper()


h.setFormatter(logging.Formatter('%(funcName)s:%(message)s'))
outer()
print(out.getvalue(), end='')

# A formatting error inside emit() is reported, not raised.
err = io.StringIO()
saved = sys.stderr
sys.stderr = err
log.info('%d items', 'not a number')
sys.stderr = saved
report = err.getvalue()
print(report.startswith('--- Logging error ---'), 'TypeError' in report,
      "Message: '%d items'" in report, "Arguments: ('not a number',)" in report)
logging.raiseExceptions = False
sys.stderr = err = io.StringIO()
log.info('%d items', 'quiet')
sys.stderr = saved
print(repr(err.getvalue()))
logging.raiseExceptions = True

bf = logging.BufferingFormatter(logging.Formatter('<%(message)s>'))
recs = [logging.makeLogRecord({'msg': m}) for m in 'abc']
print(bf.format(recs), repr(bf.format([])))
