# timeit: counts and side effects of the timed code (timings themselves
# vary, so only their type and sign are printed), namespaces and errors.
import timeit

calls = []

def work():
    calls.append(1)

t = timeit.timeit(work, number=25)
print(type(t).__name__, t >= 0, len(calls))
calls.clear()
results = timeit.repeat(work, repeat=3, number=7)
print(len(results), all(isinstance(r, float) and r >= 0 for r in results), len(calls))

counter = {'n': 0}
g = {'counter': counter}
print(timeit.timeit("counter['n'] += 1", number=100, globals=g) >= 0, counter['n'])
print(timeit.timeit('counter["n"] += 2', setup='counter["n"] = 0', number=10, globals=g) >= 0,
      counter['n'])

# Setup runs once per measurement, the statement number times.
log = []
timer = timeit.Timer('log.append("s")', setup='log.append("setup")', globals={'log': log})
timer.timeit(number=3)
print(log)
log.clear()
timer.repeat(repeat=2, number=2)
print(log)
log.clear()
timeit.Timer(lambda: log.append('stmt'), setup=lambda: log.append('setup')).timeit(2)
print(log)

# Multi-line statements and setup that defines names.
src = '''
total = 0
for i in range(5):
    total += i
result.append(total)
'''
result = []
timeit.timeit(src, number=2, globals={'result': result})
print(result)
print(timeit.timeit('x * 2', setup='x = 21\ny = x', number=5) >= 0)
print(timeit.timeit('if True:\n    z = 1\nelse:\n    z = 2', number=3) >= 0)

# The default namespace is timeit's own, not the caller's.
secret = 42
try:
    timeit.timeit('secret', number=1)
except NameError as e:
    print('NameError:', e)
print(timeit.timeit('secret', number=1, globals=globals()) >= 0)
print(timeit.timeit('secret', setup='from __main__ import secret', number=1) >= 0)

# A fake clock makes the measured value deterministic.
ticks = iter([10.0, 12.5, 20.0, 21.0, 30.0, 30.25])
fake = lambda: next(ticks)
print(timeit.Timer('pass', timer=fake).timeit(number=1000))
print(timeit.repeat('pass', timer=fake, repeat=2, number=3))

clock = [0.0, 0.01]
def slow_clock():
    # Each reading advances further than the last, so later
    # measurements take longer and autorange() stops.
    clock[1] *= 2
    clock[0] += clock[1]
    return clock[0]
tried = []
number, taken = timeit.Timer('pass', timer=slow_clock).autorange(lambda n, s: tried.append(n))
print(number, round(taken, 6), tried)

t = timeit.Timer()
print(t.timeit(number=0) >= 0, t.repeat(repeat=0), callable(timeit.default_timer))
print(timeit.default_number, timeit.default_repeat, isinstance(timeit.default_timer(), float))

def attempt(label, fn, *args, **kwargs):
    try:
        print(label, '->', fn(*args, **kwargs))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

attempt('stmt int', timeit.Timer, 42)
attempt('setup int', timeit.Timer, 'pass', 7)
attempt('stmt None', timeit.timeit, None)
attempt('syntax', timeit.Timer, 'x = = 1')
attempt('return', timeit.Timer, 'return 1')
attempt('setup syntax', timeit.Timer, 'pass', 'def')
attempt('runtime error', timeit.timeit, '1 / 0', number=1)
attempt('stmt raises', timeit.timeit, lambda: [][1], number=1)
try:
    timeit.Timer('x = ', 'pass')
except SyntaxError as e:
    print('SyntaxError filename', e.filename)
print(sorted(timeit.__all__))
