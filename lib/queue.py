"""Queues shared between threads: FIFO, LIFO, priority, and SimpleQueue.

Design notes
------------
A Queue is a container guarded by one lock (`mutex`) and three condition
variables over that lock: `not_empty` (getters wait on it), `not_full`
(putters wait on it) and `all_tasks_done` (join() waits on it). These, the
`queue` container, `maxsize` and `unfinished_tasks` are public attributes
that existing code reads, so they keep CPython's names. So do the four
hooks a subclass overrides to change the order: `_init(maxsize)` makes the
container, `_qsize()`, `_put(item)` and `_get()` work on it; they are always
called with the mutex held.

All blocking goes through one helper, _Queue._block_while(), which waits on
a condition while a test holds, with or without a deadline. Its waits go
through threading's Condition._wait(timeout, kind) with the "queue" kind,
so that the GIL trace (-X gil-trace) reports them as "blocked: queue"
rather than as a plain lock. SimpleQueue is a deque plus a counting
semaphore of the same kind.
"""

import threading
from collections import deque
from heapq import heappop, heappush
from time import monotonic

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']

_QUEUE_WAIT = threading._WAIT_QUEUE


class Empty(Exception):
    """There was nothing to get (non-blocking or timed-out get())."""


class Full(Exception):
    """There was no room to put (non-blocking or timed-out put())."""


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    """First in, first out; a maxsize of zero or less means no bound."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    # -- the container hooks (called with the mutex held) --

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    # -- state --

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return self._qsize() == 0

    def full(self):
        with self.mutex:
            return self._no_room()

    def _no_room(self):
        return 0 < self.maxsize <= self._qsize()

    def _nothing(self):
        return self._qsize() == 0

    def _block_while(self, condition, stuck, block, timeout, failure):
        """With [condition]'s lock held: waits until stuck() is false.
        Raises [failure] at once when not [block]ing, or when [timeout]
        seconds pass first."""
        if not stuck():
            return
        if not block:
            raise failure
        if timeout is None:
            while stuck():
                condition._wait(None, _QUEUE_WAIT)
            return
        deadline = monotonic() + timeout
        while stuck():
            left = deadline - monotonic()
            if left <= 0:
                raise failure
            condition._wait(left, _QUEUE_WAIT)

    # -- putting and getting --

    def put(self, item, block=True, timeout=None):
        """Adds [item]; a full queue blocks (up to [timeout] seconds) or,
        with block=False, raises Full."""
        with self.not_full:
            if block and self.maxsize > 0:
                # As CPython: an unbounded queue never looks at the timeout.
                _check_timeout(timeout)
            self._block_while(self.not_full, self._no_room, block, timeout, Full)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Removes and returns the next item; an empty queue blocks (up to
        [timeout] seconds) or, with block=False, raises Empty."""
        with self.not_empty:
            if block:
                _check_timeout(timeout)
            self._block_while(self.not_empty, self._nothing, block, timeout, Empty)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, False)

    def get_nowait(self):
        return self.get(False)

    # -- task tracking --

    def task_done(self):
        """Marks one item taken by get() as processed."""
        with self.mutex:
            if self.unfinished_tasks <= 0:
                raise ValueError('task_done() called too many times')
            self.unfinished_tasks -= 1
            if self.unfinished_tasks == 0:
                self.all_tasks_done.notify_all()

    def join(self):
        """Blocks until every item put has been marked done."""
        with self.mutex:
            self._block_while(self.all_tasks_done, self._work_left, True, None, None)

    def _work_left(self):
        return self.unfinished_tasks > 0


class PriorityQueue(Queue):
    """Smallest item first (a heap)."""

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """Last in, first out (a stack)."""

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class _ItemCount(threading.Semaphore):
    # Counts SimpleQueue's items; its waits show as queue waits in the trace.
    _wait_kind = _QUEUE_WAIT


class SimpleQueue:
    """An unbounded FIFO without task tracking; put() never blocks."""

    def __init__(self):
        self._items = deque()
        self._count = _ItemCount(0)

    def put(self, item, block=True, timeout=None):
        # [block] and [timeout] are accepted for Queue compatibility only.
        self._items.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        _check_timeout(timeout)
        if not self._count.acquire(block, timeout):
            raise Empty
        return self._items.popleft()

    def put_nowait(self, item):
        self.put(item)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return not self._items

    def qsize(self):
        return len(self._items)
