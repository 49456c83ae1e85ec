"""asyncio.timeout() and timeout_at(): a deadline for a block of code.

Design notes
------------
A Timeout is an async context manager bound to the task that enters it. At
the deadline a loop callback cancels that task; when the resulting
CancelledError reaches __aexit__, the Timeout recognises its own doing and
raises TimeoutError instead (chained from the CancelledError). Telling its own
cancellation from someone else's relies on the task's cancel counter: the
Timeout removes its request with uncancel(), and only when no other request
remains is the error converted.

A Timeout goes through the states created -> active -> finished, or
active -> expiring (callback fired) -> expired (seen in __aexit__). The state
names appear in its repr as CPython shows them.
"""

from . import events, exceptions, tasks

__all__ = ('Timeout', 'timeout', 'timeout_at')


class Timeout:
    """A deadline (a loop time, or None for none) for an `async with` block."""

    def __init__(self, when):
        self._when = when
        self._state = 'created'
        self._task = None
        self._alarm = None  # the loop handle that will cancel the task

    def when(self):
        return self._when

    def expired(self):
        return self._state in ('expiring', 'expired')

    def __repr__(self):
        if self._state != 'active':
            return f'<Timeout [{self._state}]>'
        deadline = None if self._when is None else round(self._when, 3)
        return f'<Timeout [active] when={deadline}>'

    def reschedule(self, when):
        """Moves the deadline of an active Timeout (None: no deadline)."""
        if self._state != 'active':
            if self._state == 'created':
                raise RuntimeError('Timeout has not been entered')
            raise RuntimeError(f'Cannot change state of {self._state} Timeout')
        self._when = when
        self._disarm()
        if when is not None:
            loop = events.get_running_loop()
            # A deadline already past fires at the next loop iteration.
            if when > loop.time():
                self._alarm = loop.call_at(when, self._fire)
            else:
                self._alarm = loop.call_soon(self._fire)

    def _disarm(self):
        if self._alarm is not None:
            self._alarm.cancel()
            self._alarm = None

    def _fire(self):
        self._alarm = None
        self._task.cancel()
        self._state = 'expiring'

    async def __aenter__(self):
        self._state = 'active'
        self._task = tasks.current_task()
        if self._task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        self._disarm()
        if self._state == 'active':
            self._state = 'finished'
        elif self._state == 'expiring':
            self._state = 'expired'
            # Withdraw our cancel request; convert only if it was the last.
            if self._task.uncancel() <= 0 and exc_type is exceptions.CancelledError:
                raise TimeoutError from exc_val
        return None


def timeout(delay):
    """A Timeout [delay] seconds from now (None: never)."""
    if delay is None:
        events.get_running_loop()  # same error as CPython outside a loop
        return Timeout(None)
    return Timeout(events.get_running_loop().time() + delay)


def timeout_at(when):
    """A Timeout at loop time [when] (None: never)."""
    return Timeout(when)
