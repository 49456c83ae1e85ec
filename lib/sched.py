"""A general-purpose event scheduler: run callables at given times.

Design notes
------------
The scheduler knows nothing about real time: it is given a time function
(what time is it now?) and a delay function (wait this long), so it works
with the clock, with a simulated clock in tests, or with any other numeric
time scale.

Pending events live in a heap ordered by (time, priority, sequence); the
sequence number, taken from a counter when the event is entered, keeps
events with equal time and priority in the order they were scheduled, and
makes every Event compare unequal to every other.  cancel() removes an
event from the middle of the heap and re-heapifies.

run() pops the first event once its time has come and calls it outside the
lock, so an action may schedule or cancel events.  While waiting it calls
the delay function with the time left; after each action it calls
delayfunc(0), which gives other threads a chance to run.  A non-blocking
run() returns the delay until the next event instead of waiting.
"""

import heapq
import threading
import time
from collections import namedtuple
from itertools import count

__all__ = ["scheduler"]


Event = namedtuple('Event', 'time, priority, sequence, action, argument, kwargs')
Event.__doc__ = 'Event(time, priority, sequence, action, argument, kwargs)'
Event.time.__doc__ = ('Numeric type compatible with the return value of the\n'
                      'timefunc function passed to the constructor.')
Event.priority.__doc__ = ('Events scheduled for the same time will be executed\n'
                          'in the order of their priority.')
Event.sequence.__doc__ = ('A continually increasing sequence number that\n'
                          '    separates events if time and priority are equal.')
Event.action.__doc__ = ('Executing the event means executing\n'
                        'action(*argument, **kwargs)')
Event.argument.__doc__ = ('argument is a sequence holding the positional\n'
                          'arguments for the action.')
Event.kwargs.__doc__ = ('kwargs is a dictionary holding the keyword\n'
                        'arguments for the action.')

# Stands for "no kwargs given", so that each event gets its own empty dict.
_NO_KWARGS = object()


class scheduler:
    """Runs scheduled events using [timefunc] to read and [delayfunc] to wait."""

    def __init__(self, timefunc=time.monotonic, delayfunc=time.sleep):
        self._queue = []
        self._lock = threading.RLock()
        self.timefunc = timefunc
        self.delayfunc = delayfunc
        self._sequence = count()

    def enterabs(self, time, priority, action, argument=(), kwargs=_NO_KWARGS):
        """Schedule action(*argument, **kwargs) at absolute [time]; return the Event.

        Among events due at the same time, lower [priority] runs first.
        """
        if kwargs is _NO_KWARGS:
            kwargs = {}
        with self._lock:
            event = Event(time, priority, next(self._sequence), action, argument, kwargs)
            heapq.heappush(self._queue, event)
        return event

    def enter(self, delay, priority, action, argument=(), kwargs=_NO_KWARGS):
        """Schedule an event [delay] time units from now; return the Event."""
        return self.enterabs(self.timefunc() + delay, priority, action, argument, kwargs)

    def cancel(self, event):
        """Remove [event] from the queue; ValueError if it is not pending."""
        with self._lock:
            self._queue.remove(event)
            heapq.heapify(self._queue)

    def empty(self):
        """True when no events are pending."""
        with self._lock:
            return not self._queue

    def run(self, blocking=True):
        """Run events as they come due until none is left.

        With [blocking] false, run only the events already due and return
        the time until the next one (None when the queue is empty).
        """
        queue = self._queue
        while True:
            with self._lock:
                if not queue:
                    return None
                event = queue[0]
                now = self.timefunc()
                wait = event.time - now
                due = event.time <= now
                if due:
                    heapq.heappop(queue)
            if not due:
                if not blocking:
                    return wait
                self.delayfunc(wait)
                continue
            event.action(*event.argument, **event.kwargs)
            self.delayfunc(0)

    @property
    def queue(self):
        """The pending events in the order they will run (a new list)."""
        with self._lock:
            return sorted(self._queue)
