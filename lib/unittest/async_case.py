"""IsolatedAsyncioTestCase: test methods that are coroutines.

Design notes
------------
Each test gets its own event loop, made by an asyncio.Runner when the
test starts and closed when it ends, so no task or callback leaks from
one test into the next.  The synchronous parts of TestCase.run() are
kept; only the hooks that call user code are redirected through the
loop:

* setUp (plain) then asyncSetUp (awaited);
* the test method, awaited if calling it returned a coroutine;
* asyncTearDown (awaited) then tearDown (plain);
* cleanups, awaited when they are coroutine functions; addAsyncCleanup
  and enterAsyncContext register such cleanups.

Because everything runs through Runner.run, an exception raised inside a
coroutine reaches the _Outcome part executor exactly as a synchronous
one would.
"""

import asyncio
import inspect

from . import case

__unittest = True


class IsolatedAsyncioTestCase(case.TestCase):
    """A TestCase whose test methods, set-up and tear-down may be
    coroutine functions, each test run on a fresh event loop."""

    def __init__(self, methodName='runTest'):
        super().__init__(methodName)
        # Made by run() for the duration of one test.
        self._asyncioRunner = None

    async def asyncSetUp(self):
        """Awaited after setUp."""

    async def asyncTearDown(self):
        """Awaited before tearDown."""

    def addAsyncCleanup(self, func, /, *pargs, **kwargs):
        """Await func(*pargs, **kwargs) as a cleanup."""
        self.addCleanup(func, *pargs, **kwargs)

    async def enterAsyncContext(self, cm):
        """Enter the async context manager [cm]; exit it as a cleanup."""
        cls = type(cm)
        try:
            enter = cls.__aenter__
            leave = cls.__aexit__
        except AttributeError:
            raise TypeError("'%s.%s' object does not support the "
                            "asynchronous context manager protocol"
                            % (cls.__module__, cls.__qualname__)) from None
        value = await enter(cm)
        self.addAsyncCleanup(leave, cm, None, None, None)
        return value

    def _await_if_needed(self, value):
        if inspect.isawaitable(value):
            return self._asyncioRunner.run(_awaited(value))
        return value

    def _callSetUp(self):
        self._asyncioRunner.get_loop()  # the loop exists during setUp
        self.setUp()
        self._asyncioRunner.run(self.asyncSetUp())

    def _callTestMethod(self, method):
        returned = self._await_if_needed(method())
        if returned is not None:
            import warnings
            warnings.warn('It is deprecated to return a value that is not '
                          'None from a test case (%s)' % (method,),
                          DeprecationWarning, stacklevel=4)

    def _callTearDown(self):
        runner = self._asyncioRunner
        runner.run(self.asyncTearDown())
        self.tearDown()

    def _callCleanup(self, func, /, *pargs, **kwargs):
        self._await_if_needed(func(*pargs, **kwargs))

    def run(self, result=None):
        self._asyncioRunner = asyncio.Runner(debug=True)
        try:
            return case.TestCase.run(self, result)
        finally:
            runner, self._asyncioRunner = self._asyncioRunner, None
            runner.close()

    def debug(self):
        self._asyncioRunner = asyncio.Runner(debug=True)
        try:
            super().debug()
        finally:
            runner, self._asyncioRunner = self._asyncioRunner, None
            runner.close()


async def _awaited(awaitable):
    # Runner.run wants a coroutine; this also accepts futures and other
    # awaitables.
    return await awaitable
