"""asyncio.TaskGroup: tasks whose lifetime is an `async with` block.

Design notes
------------
The block does not end until every task made with the group has finished.
The first task that fails (with anything but a cancellation) aborts the
group: its other tasks are cancelled, and the task running the block is
cancelled too, so that the body stops at its next await. On the way out
that cancellation is withdrawn (uncancel()), and the failures are raised
together as one exception group. A SystemExit or KeyboardInterrupt, from a
task or from the body, wins over all of that and is raised as itself.

Until the interpreter provides BaseExceptionGroup, a small stand-in pair of
classes (below) carries the errors, with the names, message format and
`exceptions` attribute of the builtin ones.
"""

from . import events, exceptions, tasks

__all__ = ('TaskGroup',)

try:
    _make_group = BaseExceptionGroup
except NameError:
    class BaseExceptionGroup(BaseException):
        """Stand-in for the builtin: [message] plus a tuple of [exceptions]."""

        def __init__(self, message, exceptions):
            BaseException.__init__(self, message, list(exceptions))
            self.message = message
            self.exceptions = tuple(exceptions)

        def __str__(self):
            count = len(self.exceptions)
            return f"{self.message} ({count} sub-exception{'' if count == 1 else 's'})"

    class ExceptionGroup(BaseExceptionGroup, Exception):
        """Stand-in for the builtin group of Exceptions only."""

    def _make_group(message, errors):
        # Like the builtin constructor: a group of plain Exceptions is an
        # ExceptionGroup, so that `except Exception` catches it.
        if all(isinstance(e, Exception) for e in errors):
            return ExceptionGroup(message, errors)
        return BaseExceptionGroup(message, errors)


def _is_fatal(exc):
    # Errors that end the program rather than the group.
    return isinstance(exc, (SystemExit, KeyboardInterrupt))


class TaskGroup:
    """`async with TaskGroup() as tg:` then tg.create_task(coro)."""

    def __init__(self):
        self._entered = False
        self._exiting = False  # __aexit__ has started
        self._aborting = False  # the remaining tasks are being cancelled
        self._loop = None
        self._parent_task = None  # the task running the `async with` body
        self._parent_cancelled = False  # we cancelled it, and must undo that
        self._tasks = set()
        self._errors = []
        self._fatal = None
        self._all_finished = None  # future __aexit__ waits on while tasks remain

    def __repr__(self):
        words = ''
        if self._tasks:
            words += f' tasks={len(self._tasks)}'
        if self._errors:
            words += f' errors={len(self._errors)}'
        if self._aborting:
            words += ' cancelling'
        elif self._entered:
            words += ' entered'
        return f'<TaskGroup{words}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has already been entered')
        self._entered = True
        if self._loop is None:
            self._loop = events.get_running_loop()
        self._parent_task = tasks.current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and _is_fatal(exc) and self._fatal is None:
            self._fatal = exc
        # A CancelledError leaving the body is passed on unless it was our
        # own doing (see _on_task_done) and nobody else also cancelled.
        cancellation = exc if et is exceptions.CancelledError else None
        if self._parent_cancelled and self._parent_task.uncancel() == 0:
            cancellation = None
        if et is not None and not self._aborting:
            self._abort()

        while self._tasks:
            self._all_finished = self._loop.create_future()
            try:
                await self._all_finished
            except exceptions.CancelledError as cancelled:
                # Cancelled while waiting for the tasks: cancel them too,
                # keep waiting, and pass the cancellation on afterwards.
                if not self._aborting:
                    cancellation = cancelled
                    self._abort()
            self._all_finished = None

        if self._fatal is not None:
            raise self._fatal
        if cancellation is not None and not self._errors:
            raise cancellation
        if et is not None and et is not exceptions.CancelledError:
            self._errors.append(exc)
        if self._errors:
            errors, self._errors = self._errors, None  # break reference cycles
            raise _make_group('unhandled errors in a TaskGroup', errors) from None

    def create_task(self, coro, *, name=None, context=None):
        """Starts [coro] as a task belonging to the group."""
        if not self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has not been entered')
        if self._exiting and not self._tasks:
            raise RuntimeError(f'TaskGroup {self!r} is finished')
        if self._aborting:
            raise RuntimeError(f'TaskGroup {self!r} is shutting down')
        if context is None:
            task = self._loop.create_task(coro, name=name)
        else:
            task = self._loop.create_task(coro, name=name, context=context)
        if task.done():
            self._on_task_done(task)
        else:
            self._tasks.add(task)
            task.add_done_callback(self._on_task_done)
        return task

    def _abort(self):
        self._aborting = True
        for task in self._tasks:
            if not task.done():
                task.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if not self._tasks and self._all_finished is not None and not self._all_finished.done():
            self._all_finished.set_result(True)
        if task.cancelled() or task.exception() is None:
            return
        error = task.exception()
        self._errors.append(error)
        if _is_fatal(error) and self._fatal is None:
            self._fatal = error
        parent = self._parent_task
        if parent.done():
            # Nobody is left to raise it: report it to the loop instead.
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {parent} is already completed',
                'exception': error,
                'task': task,
            })
        elif not self._aborting and not self._parent_cancelled:
            self._abort()
            self._parent_cancelled = True
            parent.cancel()
