"""Synchronisation between coroutines of one event loop.

Design notes
------------
Every primitive here parks a coroutine the same way: it creates a future on
the running loop, appends it to the primitive's line of waiters (a deque)
and awaits it; whoever makes progress possible sets the result of the first
suitable future. A parked future is removed from the line by the coroutine
that parked it, in a `finally`, so the line only ever holds coroutines that
are still inside acquire()/wait(). Whether a future is done tells apart "woken
but not yet resumed" from "still waiting", which is what the cancellation
rules below depend on:

  - Lock is fair: a free lock is only taken directly when nobody is queued
    (or every queued waiter is already cancelled). A waiter cancelled after
    it was woken hands the wakeup to the next one.
  - Semaphore counts a wakeup against the value at the moment it is given
    (so a woken waiter owns its unit); a waiter cancelled after being woken
    gives the unit back and passes it on.
  - Condition.wait() always re-takes the lock before returning or raising,
    even when cancelled while re-taking it.

Each object binds itself to the first loop that makes it wait
(_LoopBoundMixin, also used by queues.py); using it from another loop raises.
None of this is thread-safe: it belongs to the loop's own thread.
"""

import collections

from . import events, exceptions

__all__ = ('Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore')


class _LoopBoundMixin:
    _loop = None

    def _get_loop(self):
        running = events.get_running_loop()
        if self._loop is None:
            self._loop = running
        elif self._loop is not running:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return running


class _Parking(_LoopBoundMixin):
    """The line of parked futures and the repr every primitive shares."""

    def __init__(self):
        self._waiters = collections.deque()

    async def _park(self):
        """Waits in line until someone sets this coroutine's future; the
        future is returned so that the caller can see how it ended."""
        parked = self._get_loop().create_future()
        self._waiters.append(parked)
        try:
            await parked
        finally:
            self._waiters.remove(parked)
        return parked

    def _wake(self, limit, value=True):
        """Sets up to [limit] futures still waiting; returns how many."""
        woken = 0
        for parked in self._waiters:
            if woken >= limit:
                break
            if not parked.done():
                parked.set_result(value)
                woken += 1
        return woken

    def _state_words(self):
        raise NotImplementedError

    def __repr__(self):
        state = self._state_words()
        if self._waiters:
            state += f', waiters:{len(self._waiters)}'
        cls = type(self)
        return f'<{cls.__module__}.{cls.__qualname__} object at {id(self):#x} [{state}]>'


class _AsyncWith:
    # `async with x:` acquires and releases; the target of `as` is None.
    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_AsyncWith, _Parking):
    """Mutual exclusion between coroutines, granted in request order."""

    def __init__(self):
        _Parking.__init__(self)
        self._locked = False

    def _state_words(self):
        return 'locked' if self._locked else 'unlocked'

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and all(p.cancelled() for p in self._waiters):
            self._locked = True
            return True
        try:
            await self._park()
        except exceptions.CancelledError:
            # If we had been woken, the lock is free and nobody else knows.
            if not self._locked:
                self._wake_head()
            raise
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        self._wake_head()

    def _wake_head(self):
        # Only the head of the line is considered: it takes the lock when it
        # resumes, or hands it on if it is cancelled first. Waking anyone
        # behind a head that is already woken would let two coroutines in.
        if self._waiters and not self._waiters[0].done():
            self._waiters[0].set_result(True)


class Event(_Parking):
    """A flag; wait() returns once it is set."""

    def __init__(self):
        _Parking.__init__(self)
        self._flag = False

    def _state_words(self):
        return 'set' if self._flag else 'unset'

    def is_set(self):
        return self._flag

    def set(self):
        if not self._flag:
            self._flag = True
            self._wake(len(self._waiters))

    def clear(self):
        self._flag = False

    async def wait(self):
        if not self._flag:
            await self._park()
        return True


class Condition(_AsyncWith, _Parking):
    """Waiting for a state change announced with notify(), under a lock
    (a new Lock unless one is given)."""

    def __init__(self, lock=None):
        _Parking.__init__(self)
        self._lock = Lock() if lock is None else lock
        # The lock's own methods, so that `async with cond` uses the lock.
        self.locked = self._lock.locked
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def _state_words(self):
        return 'locked' if self.locked() else 'unlocked'

    async def wait(self):
        """Releases the lock, waits for a notify(), re-takes the lock."""
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            await self._park()
            return True
        finally:
            # The caller holds the lock again whatever happens, so a
            # cancellation while re-taking it is deferred until we have it.
            interrupted = False
            while True:
                try:
                    await self.acquire()
                except exceptions.CancelledError:
                    interrupted = True
                else:
                    break
            if interrupted:
                raise exceptions.CancelledError

    async def wait_for(self, predicate):
        """Waits until predicate() is true; returns its value."""
        while True:
            outcome = predicate()
            if outcome:
                return outcome
            await self.wait()

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        self._wake(n, False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_AsyncWith, _Parking):
    """A count of free units; acquire() takes one, waiting while none is
    free, and release() returns one."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        _Parking.__init__(self)
        self._value = value

    def _state_words(self):
        return 'locked' if self.locked() else f'unlocked, value:{self._value}'

    def locked(self):
        # Queued waiters have first claim on any unit.
        return self._value == 0 or any(not p.cancelled() for p in self._waiters)

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        await self._park_for_unit()
        # Units released while we were being woken go to the next in line.
        if self._value > 0:
            self._hand_out_unit()
        return True

    async def _park_for_unit(self):
        parked = self._get_loop().create_future()
        self._waiters.append(parked)
        try:
            await parked
        except exceptions.CancelledError:
            if parked.done() and not parked.cancelled():
                # The unit was ours already: give it back, and to the next.
                self._value += 1
                self._hand_out_unit()
            raise
        finally:
            self._waiters.remove(parked)

    def release(self):
        self._value += 1
        self._hand_out_unit()

    def _hand_out_unit(self):
        for parked in self._waiters:
            if not parked.done():
                self._value -= 1
                parked.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    """A Semaphore whose value may never exceed the initial one."""

    def __init__(self, value=1):
        self._ceiling = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._ceiling:
            raise ValueError('BoundedSemaphore released too many times')
        Semaphore.release(self)
