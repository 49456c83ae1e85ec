"""Queues that coroutines of one event loop share: FIFO, LIFO and priority.

Design notes
------------
A Queue holds its items in `self._queue`, a container that three overridable
hooks manage: `_init(maxsize)` creates it, `_put(item)` adds to it and
`_get()` removes the next item. The subclasses differ only in those hooks
(a deque, a list used as a stack, a heap), and user subclasses may replace
them the same way, which is why their names and `_queue` stay as CPython
has them; `str(queue)` shows `_queue` too.

Coroutines that cannot proceed (get() on an empty queue, put() on a full
one) park a future in one of two lines, `_getters` and `_putters`. Each
item that goes in wakes the first parked getter, each item that comes out
wakes the first parked putter. A woken coroutine re-checks the queue before
going on, because another coroutine may have got there first. A coroutine
cancelled after it was woken passes the wakeup on to the next in its line,
so that no item or free slot is left with nobody told about it.

task_done()/join() count the items put and not yet marked done; the Event
that join() waits on is only made by the first join() that has to wait.

Not thread-safe: use it from the loop's thread (queue.Queue is for threads).
"""

import collections
import heapq

from .locks import _LoopBoundMixin

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')


class QueueEmpty(Exception):
    """get_nowait() found nothing to take."""


class QueueFull(Exception):
    """put_nowait() found no room."""


def _wake_first(line):
    """Wakes the first parked coroutine of [line] that is still waiting."""
    while line:
        parked = line.popleft()
        if not parked.done():
            parked.set_result(None)
            return


class Queue(_LoopBoundMixin):
    """First in, first out; a maxsize of zero or less means no bound."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._get_line = collections.deque()
        self._put_line = collections.deque()
        self._unfinished = 0
        self._all_done = None  # an Event, made by the first join() that waits
        self._init(maxsize)

    # -- the storage hooks --

    def _init(self, maxsize):
        self._queue = collections.deque()

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.popleft()

    # -- looking at it --

    def _describe(self):
        text = f'maxsize={self._maxsize!r}'
        items = getattr(self, '_queue', None)  # a subclass's _init may skip it
        if items:
            text += f' _queue={list(items)!r}'
        # The labels are CPython's attribute names, which str() has always shown.
        for label, line in (('_getters', self._get_line), ('_putters', self._put_line)):
            if line:
                text += f' {label}[{len(line)}]'
        if self._unfinished:
            text += f' tasks={self._unfinished}'
        return text

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._describe()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._describe()}>'

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self._queue)

    def empty(self):
        return not self._queue

    def full(self):
        return 0 < self._maxsize <= self.qsize()

    # -- putting and getting --

    async def _wait_in(self, line, must_wait):
        """Parks in [line] until must_wait() turns false."""
        while must_wait():
            parked = self._get_loop().create_future()
            line.append(parked)
            try:
                await parked
            except BaseException:
                parked.cancel()
                if parked in line:
                    line.remove(parked)
                elif not must_wait() and not parked.cancelled():
                    # We had been woken, and the turn is now wasted on us:
                    # give it to the next in line.
                    _wake_first(line)
                raise

    async def put(self, item):
        """Puts [item], first waiting for room if the queue is full."""
        if self.full():
            await self._wait_in(self._put_line, self.full)
        self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished += 1
        if self._all_done is not None:
            self._all_done.clear()
        _wake_first(self._get_line)

    async def get(self):
        """Takes the next item, first waiting for one if the queue is empty."""
        if self.empty():
            await self._wait_in(self._get_line, self.empty)
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        _wake_first(self._put_line)
        return item

    # -- tracking work --

    def task_done(self):
        """Marks one item taken by get() as processed."""
        if self._unfinished <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished -= 1
        if self._unfinished == 0 and self._all_done is not None:
            self._all_done.set()

    async def join(self):
        """Waits until every item put has been marked done."""
        if self._unfinished <= 0:
            return
        if self._all_done is None:
            from .locks import Event
            self._all_done = Event()
        await self._all_done.wait()


class PriorityQueue(Queue):
    """Smallest item first (a heap)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """Last in, first out (a stack)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
