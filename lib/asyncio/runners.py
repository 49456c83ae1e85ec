"""asyncio.run() and asyncio.Runner: owning an event loop for a program.

Design notes
------------
A Runner creates its loop on first use (a new default loop, made the
current one, unless a loop_factory is given), runs any number of
coroutines on it, and on close() tidies up in this order: cancel the tasks
still pending and wait for them, finish the async generators, stop the
default executor, close the loop. asyncio.run() is one Runner used once.

While the main coroutine runs in the main thread, Ctrl-C cancels its task
instead of interrupting the loop at a random point, so that the coroutine's
`finally` blocks and context managers run; a second Ctrl-C, or a main task
that absorbs the cancellation, raises KeyboardInterrupt. This needs SIGINT
to still have Python's default handler; otherwise it is left alone.
"""

import signal
import threading

from . import coroutines, events, exceptions, tasks

__all__ = ('Runner', 'run')


class Runner:
    """A context manager that owns one event loop; run() drives a coroutine
    on it to completion."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._closed = False
        self._owns_current_loop = False  # we made our loop the current one
        self._interrupts = 0

    def __enter__(self):
        self._ensure_loop()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def get_loop(self):
        return self._ensure_loop()

    def _ensure_loop(self):
        if self._closed:
            raise RuntimeError('Runner is closed')
        if self._loop is not None:
            return self._loop
        make = self._loop_factory
        loop = events.new_event_loop() if make is None else make()
        if make is None:
            # Only a loop of our own making becomes the thread's current one.
            events.set_event_loop(loop)
            self._owns_current_loop = True
        if self._debug is not None:
            loop.set_debug(self._debug)
        self._loop = loop
        return loop

    def close(self):
        loop = self._loop
        if loop is None or self._closed:
            return  # never used, or closed already: nothing to tidy
        try:
            _cancel_leftovers(loop)
            for shutdown in (loop.shutdown_asyncgens, loop.shutdown_default_executor):
                loop.run_until_complete(shutdown())
        finally:
            if self._owns_current_loop:
                events.set_event_loop(None)
            loop.close()
            self._loop = None
            self._closed = True

    def run(self, coro, *, context=None):
        """Runs [coro] to completion on the runner's loop; returns its result."""
        if not coroutines.iscoroutine(coro):
            raise ValueError(f'a coroutine was expected, got {coro!r}')
        if events._get_running_loop():
            raise RuntimeError('Runner.run() cannot be called from a running event loop')
        loop = self._ensure_loop()
        main = loop.create_task(coro) if context is None else loop.create_task(coro, context=context)
        handler = self._install_sigint(main)
        self._interrupts = 0
        try:
            return loop.run_until_complete(main)
        except exceptions.CancelledError:
            # A cancellation that Ctrl-C started, and that nobody else asked
            # for, is reported as the KeyboardInterrupt it was.
            if self._interrupts and main.uncancel() == 0:
                raise KeyboardInterrupt
            raise
        finally:
            if handler is not None and signal.getsignal(signal.SIGINT) is handler:
                signal.signal(signal.SIGINT, signal.default_int_handler)

    def _install_sigint(self, main):
        """Routes Ctrl-C to cancelling [main]; returns the handler, or None
        when SIGINT is not ours to take over."""
        if threading.current_thread() is not threading.main_thread():
            return None
        if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            return None

        def on_sigint(signum, frame):
            self._interrupts += 1
            if self._interrupts > 1 or main.done():
                raise KeyboardInterrupt
            main.cancel()
            # The loop may be asleep in a long poll: give it a reason to wake.
            self._loop.call_soon_threadsafe(lambda: None)

        try:
            signal.signal(signal.SIGINT, on_sigint)
        except ValueError:
            return None
        return on_sigint


def run(main, *, debug=None):
    """Runs coroutine [main] on a fresh event loop, closes the loop, and
    returns main's result."""
    if events._get_running_loop():
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_leftovers(loop):
    """Cancels the tasks still pending on [loop] and waits for them; errors
    they raise on the way out go to the loop's exception handler."""
    pending = tasks.all_tasks(loop)
    if not pending:
        return
    for task in pending:
        task.cancel()
    loop.run_until_complete(tasks.gather(*pending, return_exceptions=True))
    for task in pending:
        error = None if task.cancelled() else task.exception()
        if error is not None:
            loop.call_exception_handler(
                {'message': 'unhandled exception during asyncio.run() shutdown',
                 'exception': error, 'task': task})
