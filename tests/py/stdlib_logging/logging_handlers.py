# logging.handlers: size-based rotation, memory buffering, and the queue pair.
import io
import logging
import logging.handlers
import os
import queue
import tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'app.log')

# Each record is 10 bytes ("line NNNN\n"); 25 bytes hold two of them.
rot = logging.handlers.RotatingFileHandler(path, maxBytes=25, backupCount=2)
rot.setFormatter(logging.Formatter('%(message)s'))
log = logging.getLogger('rot')
log.propagate = False
log.addHandler(rot)
for i in range(9):
    log.warning('line %04d', i)
rot.close()
for name in sorted(os.listdir(tmp)):
    with open(os.path.join(tmp, name)) as f:
        print(name, f.read().split())
print(rot.maxBytes, rot.backupCount, rot.mode)
log.removeHandler(rot)

# namer/rotator hooks.
path2 = os.path.join(tmp, 'named.log')
rot = logging.handlers.RotatingFileHandler(path2, maxBytes=12, backupCount=1)
rot.namer = lambda name: name + '.bak'
moves = []


def rotator(source, dest):
    moves.append((os.path.basename(source), os.path.basename(dest)))
    os.rename(source, dest)


rot.rotator = rotator
log.addHandler(rot)
log.warning('first one')
log.warning('second one')
rot.close()
print(moves, sorted(n for n in os.listdir(tmp) if n.startswith('named')))
log.removeHandler(rot)

# maxBytes=0 never rotates.
never = logging.handlers.RotatingFileHandler(os.path.join(tmp, 'big.log'), mode='w')
log.addHandler(never)
for i in range(50):
    log.warning('x' * 40)
never.close()
log.removeHandler(never)
print(os.path.getsize(os.path.join(tmp, 'big.log')), os.path.exists(os.path.join(tmp, 'big.log.1')))

# MemoryHandler holds records until an ERROR (or a full buffer) arrives.
out = io.StringIO()
target = logging.StreamHandler(out)
target.setFormatter(logging.Formatter('%(levelname)s %(message)s'))
mem = logging.handlers.MemoryHandler(capacity=3, target=target)
mlog = logging.getLogger('mem')
mlog.propagate = False
mlog.setLevel(logging.DEBUG)
mlog.addHandler(mem)
mlog.debug('context 1')
mlog.info('context 2')
print(repr(out.getvalue()), len(mem.buffer))
mlog.error('failure')
print(out.getvalue(), end='')
print(len(mem.buffer))
for i in range(4):
    mlog.debug('fill %d', i)
print(out.getvalue().count('fill'), len(mem.buffer))
mem.close()
print(out.getvalue().count('fill'), mem.target)

buf = logging.handlers.BufferingHandler(2)
mlog.addHandler(buf)
mlog.info('a')
print(len(buf.buffer))
mlog.info('b')
print(len(buf.buffer))

# QueueHandler formats early; QueueListener delivers on its own thread.
q = queue.Queue()
qh = logging.handlers.QueueHandler(q)
qlog = logging.getLogger('queued')
qlog.propagate = False
qlog.addHandler(qh)
qlog.warning('hello %s', 'queue')
record = q.get_nowait()
print(record.msg, record.args, record.message, record.exc_info)
out = io.StringIO()
sink = logging.StreamHandler(out)
sink.setFormatter(logging.Formatter('<%(message)s>'))
picky = logging.StreamHandler(out)
picky.setLevel(logging.ERROR)
listener = logging.handlers.QueueListener(q, sink, picky, respect_handler_level=True)
listener.start()
for i in range(3):
    qlog.warning('item %d', i)
qlog.error('bad')
listener.stop()
print(out.getvalue(), end='')
print(q.empty())
