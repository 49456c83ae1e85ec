# gc.callbacks are called around every collection with ("start"/"stop",
# info); a raising callback is reported and the others still run;
# gc.get_stats() counts collections per generation; get_debug/set_debug.
import gc

log = []


def record(phase, info):
    log.append((phase, info['generation'], sorted(info)))


class Bad:
    def __call__(self, phase, info):
        raise ValueError('bad callback in ' + phase)

    def __repr__(self):
        return '<Bad callback>'


class Node:
    pass


gc.collect()
before = gc.get_stats()
gc.callbacks.append(record)
n = Node()
n.me = n
del n
found = gc.collect()
print('found', found > 0)
print(log)
log.clear()
gc.collect(0)
gc.collect(1)
print(log)
gc.callbacks.insert(0, Bad())
log.clear()
gc.collect(1)
print('after a raising callback:', log)
gc.callbacks.clear()
log.clear()
gc.collect()
print('no callbacks:', log)

after = gc.get_stats()
print(len(after), [sorted(d) for d in after])
print([after[g]['collections'] - before[g]['collections'] >= 1 for g in range(3)])
print(after[2]['collected'] - before[2]['collected'] >= 1)
print(all(d['uncollectable'] == 0 for d in after))
print(gc.get_debug())
gc.set_debug(gc.DEBUG_STATS)
print(gc.get_debug() == gc.DEBUG_STATS)
gc.set_debug(0)
try:
    gc.set_debug('x')
except TypeError as e:
    print('TypeError:', e)
try:
    gc.get_stats(1)
except TypeError as e:
    print('TypeError:', e)
