# sched.scheduler on a simulated clock: ordering by time, priority and entry
# order, cancel, enter vs enterabs, actions that schedule more events,
# non-blocking run, the queue property and Event tuples.
import sched


class FakeClock:
    def __init__(self):
        self.now = 100.0
        self.waits = []

    def time(self):
        return self.now

    def sleep(self, delay):
        self.waits.append(delay)
        self.now += delay


clock = FakeClock()
s = sched.scheduler(clock.time, clock.sleep)
log = []


def record(name, *extra, **kw):
    log.append((clock.now, name, extra, kw))


s.enterabs(105, 2, record, ('low priority',))
s.enterabs(105, 1, record, ('high priority',))
s.enter(3, 1, record, ('entered', 1, 2), {'k': 'v'})
s.enterabs(105, 1, record, ('same time and priority, later',))
cancelled = s.enter(1, 1, record, ('never',))
last = s.enter(10, 1, record, argument=('last',))
print(s.empty(), len(s.queue))
print([e.argument[0] for e in s.queue])
s.cancel(cancelled)
try:
    s.cancel(cancelled)
except ValueError as e:
    print('ValueError:', e)


def chain(n):
    record('chain', n)
    if n:
        s.enter(0.5, 0, chain, (n - 1,))


s.enter(7, 0, chain, (2,))
print(last.time, last.priority, last.action is record, last.kwargs)
s.run()
for entry in log:
    print(entry)
print(clock.waits)
print(s.empty(), s.queue)

# Non-blocking: run what is due, return the time to the next event.
log.clear()
s.enter(0, 1, record, ('now',))
s.enter(4, 1, record, ('later',))
print(s.run(blocking=False), [e[1] for e in log])
clock.now += 4
print(s.run(blocking=False), [e[1] for e in log])
print(s.run(blocking=False))

e1 = sched.Event(1, 2, 3, print, (), {})
e2 = sched.Event(1, 2, 4, len, (), {})
print(e1, e1 < e2, e1 == e2, e1._fields)
print(sched.__all__)

# Actions that raise leave the remaining events queued.
def boom():
    raise RuntimeError('boom')


s.enter(1, 1, boom)
s.enter(2, 1, record, ('after boom',))
try:
    s.run()
except RuntimeError as e:
    print('RuntimeError:', e, len(s.queue))
s.run()
print(log[-1][1])
