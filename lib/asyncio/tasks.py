"""asyncio tasks and the ways of combining awaitables.

Design notes
------------
The Task type itself is C (src/mod/asyncio_c_task.c): it steps its coroutine,
keeps the registries of running and unfinished tasks, and calls back into this
module only to build its repr (`_task_repr`). gilpy always has that C module,
so there is no Python Task here; `Task`, `current_task` and the
`_register_task`/`_enter_task` family are the C module's objects re-exported.

`sleep()` is a C object too (asyncio_c_sleep.c) that is at once the coroutine
and the future it waits on; the wrapper below only gives it the name and the
`_is_coroutine` marker that iscoroutinefunction() looks for.

What remains in Python are the combinators, written on top of futures and
done-callbacks:

  - gather() and shield() hand back a plain future that done-callbacks on
    the children settle; gather's future is a `_GatheringFuture` so that
    cancelling it reaches the children.
  - wait(), wait_for() and as_completed() all wait on a single "alarm"
    future that either a child's completion or a timer sets, then look at
    the children.
  - run_coroutine_threadsafe() bridges to concurrent.futures through
    futures._chain_future().

Left out compared with CPython: the pure-Python Task, eager task factories,
and task stack introspection (get_stack() is empty, print_stack() is absent).
Each task runs its steps in its own contextvars context, as CPython's.
"""

import functools

from . import coroutines, events, exceptions, futures

__all__ = ('Task', 'create_task', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
           'wait', 'wait_for', 'as_completed', 'sleep', 'gather', 'shield', 'ensure_future',
           'run_coroutine_threadsafe', 'current_task', 'all_tasks')

import _asyncio

Task = _asyncio.Task
current_task = _asyncio.current_task
_register_task = _asyncio._register_task
_unregister_task = _asyncio._unregister_task
_enter_task = _asyncio._enter_task
_leave_task = _asyncio._leave_task
# The C module's registries: {loop: running task} and the unfinished tasks.
_current_tasks = _asyncio._current_tasks
_pending_tasks = _asyncio._pending_tasks
_create_task_in_c = _asyncio._create_task

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


# -- repr ---------------------------------------------------------------------

def _describe_coroutine(coro, fallback_code=None):
    """How a task's repr names its coroutine: where it is, or where it was."""
    label = (getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None)
             or type(coro).__name__)
    code = getattr(coro, 'cr_code', None) or fallback_code
    if code is None:
        return label + '()'
    frame = getattr(coro, 'cr_frame', None)
    if frame is None:
        return f'{label}() done, defined at {code.co_filename}:{code.co_firstlineno}'
    return f'{label}() running at {code.co_filename}:{frame.f_lineno}'


def _task_repr(task):
    """repr() of a task; the C Task calls this."""
    words = futures._future_repr_info(task)
    if task._must_cancel:
        # A cancel() is pending but the coroutine has not seen it yet.
        words[0] = 'cancelling'
    coro = _describe_coroutine(task.get_coro(), getattr(task, '_coro_code', None))
    extra = [f'name={task.get_name()!r}', f'coro=<{coro}>']
    if task._fut_waiter is not None:
        extra.append(f'wait_for={task._fut_waiter!r}')
    words[1:1] = extra
    return f"<{type(task).__name__} {' '.join(words)}>"


# -- creating and finding tasks ------------------------------------------------

def create_task(coro, *, name=None, context=None):
    """Schedule [coro] on the running loop and return its Task."""
    if name is None and context is None:
        # Inside a task on our own loop class, C does all of what follows.
        task = _create_task_in_c(coro)
        if task is not None:
            return task
    loop = events.get_running_loop()
    # The name is applied after creation, as CPython 3.11 does, so that an
    # explicitly named task still uses up a "Task-N" number. Passing no
    # keyword in the common case keeps this hot path cheap.
    task = loop.create_task(coro) if context is None else loop.create_task(coro, context=context)
    if name is not None:
        task.set_name(name)
    return task


def all_tasks(loop=None):
    """The unfinished tasks of [loop] (the running loop by default)."""
    if loop is None:
        loop = events.get_running_loop()
    return {t for t in _asyncio._all_pending() if t._loop is loop and not t.done()}


def sleep(delay, result=None):
    """Coroutine that finishes after [delay] seconds with [result]."""
    return _asyncio._sleep(delay, result)


sleep._is_coroutine = coroutines._is_coroutine


async def _wrap_awaitable(awaitable):
    # Turns any object with __await__ into a coroutine a Task can drive.
    return await awaitable


def ensure_future(coro_or_future, *, loop=None):
    """A future for [coro_or_future]: futures as they are, others in a Task."""
    return _ensure_future(coro_or_future, loop=loop)


def _ensure_future(obj, *, loop=None):
    if futures.isfuture(obj):
        if loop is not None and loop is not obj.get_loop():
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return obj
    if coroutines.iscoroutine(obj):
        coro, ours = obj, False
    elif hasattr(obj, '__await__'):
        coro, ours = _wrap_awaitable(obj), True
    else:
        raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
    if loop is None:
        loop = events.get_event_loop()
    try:
        return loop.create_task(coro)
    except RuntimeError:
        # The caller's coroutine will never run: close it so that it does not
        # also warn "never awaited". A wrapper of ours is simply dropped.
        if not ours:
            coro.close()
        raise


# -- waiting ------------------------------------------------------------------

def _ring(alarm, *ignored):
    """Sets the one-shot [alarm] future; later rings are no-ops."""
    if not alarm.done():
        alarm.set_result(None)


async def _cancel_and_settle(fut, loop):
    """Cancels [fut] and returns once it has really finished."""
    alarm = loop.create_future()
    ring = functools.partial(_ring, alarm)
    fut.add_done_callback(ring)
    try:
        fut.cancel()
        await alarm
    finally:
        fut.remove_done_callback(ring)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures of [fs]; returns the (done, pending) sets."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    children = set(fs)
    if any(coroutines.iscoroutine(child) for child in children):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = events.get_running_loop()

    alarm = loop.create_future()
    remaining = len(children)

    def on_child_done(child):
        nonlocal remaining
        remaining -= 1
        if remaining <= 0 or return_when == FIRST_COMPLETED:
            _ring(alarm)
        elif (return_when == FIRST_EXCEPTION and not child.cancelled()
              and child.exception() is not None):
            _ring(alarm)

    timer = None if timeout is None else loop.call_later(timeout, _ring, alarm)
    for child in children:
        child.add_done_callback(on_child_done)
    try:
        await alarm
    finally:
        if timer is not None:
            timer.cancel()
        for child in children:
            child.remove_done_callback(on_child_done)
    done = {child for child in children if child.done()}
    return done, children - done


async def wait_for(fut, timeout):
    """Awaits [fut] for at most [timeout] seconds; on expiry cancels it and
    raises TimeoutError (unless it finished anyway)."""
    loop = events.get_running_loop()
    if timeout is None:
        return await fut
    fut = ensure_future(fut, loop=loop)
    if timeout <= 0:
        if not fut.done():
            await _cancel_and_settle(fut, loop)
        return _result_or_timeout(fut)

    alarm = loop.create_future()
    ring = functools.partial(_ring, alarm)
    timer = loop.call_later(timeout, ring)
    fut.add_done_callback(ring)
    try:
        try:
            await alarm
        except exceptions.CancelledError:
            # We were cancelled ourselves: pass it on to [fut], unless it
            # finished in the meantime, in which case its outcome wins.
            if fut.done():
                return fut.result()
            fut.remove_done_callback(ring)
            await _cancel_and_settle(fut, loop)
            raise
        if fut.done():
            return fut.result()
        # The timer rang first.
        fut.remove_done_callback(ring)
        await _cancel_and_settle(fut, loop)
        return _result_or_timeout(fut)
    finally:
        timer.cancel()


def _result_or_timeout(fut):
    # A future that swallowed its cancellation still delivers its result.
    try:
        return fut.result()
    except exceptions.CancelledError as cancelled:
        raise exceptions.TimeoutError() from cancelled


def as_completed(fs, *, timeout=None):
    """Yields one awaitable per future of [fs]; each gives the next result
    to arrive, or raises TimeoutError once [timeout] has passed."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    from .queues import Queue
    arrivals = Queue()  # finished futures in order; None stands for "timed out"
    loop = events.get_event_loop()
    outstanding = {ensure_future(f, loop=loop) for f in set(fs)}
    timer = None

    def on_done(f):
        if not outstanding:
            return  # the timeout already gave up on the rest
        outstanding.discard(f)
        arrivals.put_nowait(f)
        if not outstanding and timer is not None:
            timer.cancel()

    def on_timeout():
        for f in outstanding:
            f.remove_done_callback(on_done)
            arrivals.put_nowait(None)
        outstanding.clear()

    async def next_result():
        f = await arrivals.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result()

    for f in outstanding:
        f.add_done_callback(on_done)
    if outstanding and timeout is not None:
        timer = loop.call_later(timeout, on_timeout)
    for _ in range(len(outstanding)):
        yield next_result()


# -- gather and shield -------------------------------------------------------

class _GatheringFuture(futures.Future):
    """gather()'s result: cancelling it cancels every child."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        # Every child must be asked, so no short-circuiting any().
        hit = [child.cancel(msg=msg) for child in self._children]
        if any(hit):
            # The future settles once the children have reacted.
            self._cancel_requested = True
            return True
        return False


def _outcome(child):
    """A finished child's value for gather(return_exceptions=True)."""
    if child.cancelled():
        msg = child._cancel_message
        return exceptions.CancelledError('' if msg is None else msg)
    error = child.exception()
    return child.result() if error is None else error


def gather(*coros_or_futures, return_exceptions=False):
    """Runs the awaitables concurrently; a future of their results in
    argument order."""
    if not coros_or_futures:
        empty = events.get_event_loop().create_future()
        empty.set_result([])
        return empty
    # Our own pending futures and coroutines, inside a task on our loop
    # class: C does what follows (src/mod/asyncio_c_gather.c).
    outer = _asyncio._gather(coros_or_futures, return_exceptions, _GatheringFuture)
    if outer is not None:
        return outer

    children = []
    by_arg = {}  # the same awaitable passed twice runs once
    loop = None
    for arg in coros_or_futures:
        child = by_arg.get(arg)
        if child is None:
            child = _ensure_future(arg, loop=loop)
            loop = child.get_loop()
            if child is not arg:
                # A task we made is gather's business, not the caller's.
                child._log_destroy_pending = False
            by_arg[arg] = child
        children.append(child)
    outer = _GatheringFuture(children, loop=loop)
    unfinished = len(by_arg)

    def on_child_done(child):
        nonlocal unfinished
        unfinished -= 1
        if outer.done():
            # Too late to matter; fetch the error so it is not reported as
            # never retrieved.
            if not child.cancelled():
                child.exception()
            return
        if not return_exceptions:
            if child.cancelled():
                outer.set_exception(child._make_cancelled_error())
                return
            if child.exception() is not None:
                outer.set_exception(child.exception())
                return
        if unfinished:
            return
        if outer._cancel_requested:
            # gather was cancelled but a child ignored it: the result is
            # still a CancelledError (set as an exception, as CPython does).
            cancelled = [c for c in children if c.cancelled()]
            error = (cancelled[0]._make_cancelled_error() if cancelled
                     else exceptions.CancelledError())
            outer.set_exception(error)
        else:
            outer.set_result([_outcome(c) for c in children])

    for child in by_arg.values():
        child.add_done_callback(on_child_done)
    return outer


def shield(arg):
    """A future that follows [arg] but whose cancellation does not reach it."""
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    outer = inner.get_loop().create_future()

    def copy_inner(done_inner):
        if outer.cancelled():
            if not done_inner.cancelled():
                done_inner.exception()  # mark it retrieved
            return
        if done_inner.cancelled():
            outer.cancel()
        elif done_inner.exception() is not None:
            outer.set_exception(done_inner.exception())
        else:
            outer.set_result(done_inner.result())

    def forget_inner(done_outer):
        if not inner.done():
            inner.remove_done_callback(copy_inner)

    inner.add_done_callback(copy_inner)
    outer.add_done_callback(forget_inner)
    return outer


# -- other threads -----------------------------------------------------------

def run_coroutine_threadsafe(coro, loop):
    """Runs [coro] on [loop] from any thread; a concurrent.futures.Future
    of its result."""
    if not coroutines.iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    import concurrent.futures
    answer = concurrent.futures.Future()

    def start_on_loop():
        try:
            futures._chain_future(ensure_future(coro, loop=loop), answer)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if answer.set_running_or_notify_cancel():
                answer.set_exception(exc)
            raise

    loop.call_soon_threadsafe(start_on_loop)
    return answer
