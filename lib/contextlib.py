"""Helpers for building and combining context managers (the `with` statement).

Design notes
------------
What is here: the generator adapters (contextmanager, asynccontextmanager),
the small ready-made managers (closing, aclosing, suppress, nullcontext,
redirect_stdout, redirect_stderr, chdir), the decorator mixins
(ContextDecorator, AsyncContextDecorator), the two "abstract" bases, and the
callback stacks ExitStack and AsyncExitStack.

What is left out: the bases are ordinary classes, not abc.ABCs, so
isinstance() against them only sees real subclasses (no duck-typed
__subclasshook__), and subscripting them returns the class itself rather
than a GenericAlias.  Keeping abc out keeps `import contextlib` cheap.

Generator adapters.  A `with` body talks to the generator in two ways: a
clean exit resumes it once (it must then finish), and an exception is thrown
into it at the yield.  After the throw the generator either finishes (the
exception is swallowed), yields again (an error), or raises.  Raising the
very exception it was given means "not handled": __exit__ then answers False
so the interpreter re-raises the original with its original traceback,
instead of a copy with extra frames.  PEP 479 turns a StopIteration that
escapes a generator into a RuntimeError whose __cause__ is the StopIteration;
that case is also "not handled", for the same reason.

Exit stacks.  Each registered exit is stored as one callable taking the
usual (type, value, traceback) triple, tagged with whether it must be
awaited.  Unwinding (the _Unwinding helper) is shared by the sync and async
stacks: only the call site differs, one awaits and one does not.  Because
the callbacks run inside our own __exit__, an exception raised by one of them
would get the *body's* exception as its __context__ even when a later
exception was in flight; _Unwinding repairs the chain so it reads as if the
managers had been nested `with` statements.

gilpy: exits registered from context-manager objects are plain closures that
call the type's __exit__ (looked up on the type, as `with` does), with
__self__ set for introspection; gilpy has no constructible method type.
"""
import sys
from functools import wraps

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing",
           "chdir"]


def _subscript_to_self(cls, item):
    return cls


class AbstractContextManager:
    """Base for context managers: entering yields the manager itself."""

    __class_getitem__ = classmethod(_subscript_to_self)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class AbstractAsyncContextManager:
    """Base for async context managers: entering yields the manager itself."""

    __class_getitem__ = classmethod(_subscript_to_self)

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


# --- Using a manager as a decorator -----------------------------------------

class ContextDecorator:
    """Mixin: an instance used as a decorator wraps each call in `with self`."""

    def _manager_for_call(self):
        # Reusable managers serve every call themselves; one-shot ones (the
        # generator adapters) override this to build a fresh manager.
        return self

    def __call__(self, func):
        @wraps(func)
        def run_inside(*args, **kwargs):
            with self._manager_for_call():
                return func(*args, **kwargs)
        return run_inside


class AsyncContextDecorator:
    """Mixin: decorating a coroutine function wraps each call in `async with`."""

    def _manager_for_call(self):
        return self

    def __call__(self, func):
        @wraps(func)
        async def run_inside(*args, **kwargs):
            async with self._manager_for_call():
                return await func(*args, **kwargs)
        return run_inside


# --- Generator adapters -----------------------------------------------------

def _thrown_back(raised, thrown, traceback, stop_kinds):
    """True when the generator answered a throw of [thrown] by letting it out.

    That is [raised] being [thrown] itself, or PEP 479's RuntimeError wrapper
    around it.  The original traceback is put back so that the interpreter's
    re-raise shows where the body failed.
    """
    if raised is not thrown:
        wrapped = (isinstance(raised, RuntimeError) and raised.__cause__ is thrown
                   and isinstance(thrown, stop_kinds))
        if not wrapped:
            return False
    thrown.__traceback__ = traceback
    return True


class _GeneratorBacked:
    """State shared by the sync and async generator adapters.

    The generator is created at once (so argument errors surface at the call,
    not at `with`); the factory and its arguments are kept only until the
    manager is entered, in case it is used as a decorator and needs cloning.
    """

    def __init__(self, factory, args, kwargs):
        self.gen = factory(*args, **kwargs)
        self._factory_call = (factory, args, kwargs)
        # help() on the manager should describe the user's function.
        doc = getattr(factory, "__doc__", None)
        self.__doc__ = type(self).__doc__ if doc is None else doc

    def _manager_for_call(self):
        factory, args, kwargs = self._factory_call
        return type(self)(factory, args, kwargs)


class _GeneratorContextManager(_GeneratorBacked, AbstractContextManager,
                               ContextDecorator):
    """A context manager driven by a one-yield generator (@contextmanager)."""

    def __enter__(self):
        self._factory_call = None
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if exc_value is None:
            # Only the class was given: make an instance so that "is this
            # the exception we threw?" has an answer.
            exc_value = exc_type()
        try:
            self.gen.throw(exc_type, exc_value, traceback)
        except StopIteration as finished:
            # The generator returned: it handled the exception.  Unless the
            # body's exception was itself this StopIteration.
            return finished is not exc_value
        except BaseException as raised:
            if _thrown_back(raised, exc_value, traceback, StopIteration):
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager(_GeneratorBacked, AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """An async context manager driven by an async generator (@asynccontextmanager)."""

    async def __aenter__(self):
        self._factory_call = None
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if exc_value is None:
            exc_value = exc_type()
        try:
            await self.gen.athrow(exc_type, exc_value, traceback)
        except StopAsyncIteration as finished:
            return finished is not exc_value
        except BaseException as raised:
            if _thrown_back(raised, exc_value, traceback,
                            (StopIteration, StopAsyncIteration)):
                return False
            raise
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    """Turn a generator function that yields once into a context manager factory.

    Code before the yield runs on entry, the yielded value is bound by `as`,
    and code after it runs on exit; an exception from the block is raised at
    the yield.
    """
    @wraps(func)
    def make_manager(*args, **kwargs):
        return _GeneratorContextManager(func, args, kwargs)
    return make_manager


def asynccontextmanager(func):
    """The `async with` counterpart of contextmanager, for async generators."""
    @wraps(func)
    def make_manager(*args, **kwargs):
        return _AsyncGeneratorContextManager(func, args, kwargs)
    return make_manager


# --- Small ready-made managers ----------------------------------------------

class closing(AbstractContextManager):
    """Call thing.close() when the block ends, however it ends."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, exc_type, exc_value, traceback):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Await thing.aclose() when the `async with` block ends (e.g. async generators)."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _StreamSwap(AbstractContextManager):
    """Point sys.<_stream_name> at another file for the duration of a block.

    The previous values are kept on a stack, so one instance may be entered
    again while it is already active.
    """

    _stream_name = None

    def __init__(self, new_target):
        self._target = new_target
        self._saved = []

    def __enter__(self):
        self._saved.append(getattr(sys, self._stream_name))
        setattr(sys, self._stream_name, self._target)
        return self._target

    def __exit__(self, exc_type, exc_value, traceback):
        setattr(sys, self._stream_name, self._saved.pop())


class redirect_stdout(_StreamSwap):
    """Send sys.stdout to [new_target] inside the block."""

    _stream_name = "stdout"


class redirect_stderr(_StreamSwap):
    """Send sys.stderr to [new_target] inside the block."""

    _stream_name = "stderr"


class suppress(AbstractContextManager):
    """Swallow the listed exception types (and their subclasses) raised in the block.

    Matching uses issubclass(), so virtual subclasses count too.
    """

    def __init__(self, *exceptions):
        self._kinds = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            return False
        return issubclass(exc_type, self._kinds)


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A do-nothing manager (sync or async) whose `as` value is [enter_result]."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, exc_type, exc_value, traceback):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *exc_info):
        pass


class chdir(AbstractContextManager):
    """Change the working directory for the block, then go back.

    The working directory belongs to the process, so this is not safe to use
    from several threads at once.
    """

    def __init__(self, path):
        self.path = path
        self._previous = []

    def __enter__(self):
        # os is imported lazily so that importing contextlib stays cheap.
        import os
        here = os.getcwd()
        os.chdir(self.path)
        self._previous.append(here)

    def __exit__(self, exc_type, exc_value, traceback):
        import os
        os.chdir(self._previous.pop())


# --- Exit stacks --------------------------------------------------------------

def _call_exit_method(manager, method):
    def run_exit(exc_type, exc_value, traceback):
        return method(manager, exc_type, exc_value, traceback)
    run_exit.__self__ = manager
    return run_exit


def _protocol_error(manager, what):
    cls = type(manager)
    return TypeError("'%s.%s' object does not support the %s protocol"
                     % (cls.__module__, cls.__qualname__, what))


class _Unwinding:
    """One pass over a stack's exits, newest first, as nested `with`s would run.

    The caller pops each exit with next_exit(), calls it with `details`, and
    reports the outcome with returned() or raised(); finish() then gives
    __exit__'s answer or raises the exception a callback left pending.
    """

    def __init__(self, exits, details):
        self._exits = exits
        self.details = details
        self._received = details[0] is not None
        # The exception being handled when unwinding began (the body's): a
        # callback's error gets it as __context__ automatically.
        self._outer = sys.exc_info()[1]
        self._suppressed = False
        self._pending = False

    def next_exit(self):
        return self._exits.pop() if self._exits else None

    def returned(self, result):
        if result:
            self._suppressed = True
            self._pending = False
            self.details = (None, None, None)

    def raised(self, error):
        self._chain_to(error, self.details[1])
        self._pending = True
        self.details = (type(error), error, error.__traceback__)

    def _chain_to(self, error, previous):
        # Follow error's __context__ links; if they lead to the body's
        # exception before reaching [previous], splice [previous] in there.
        node = error
        while True:
            link = node.__context__
            if link is None or link is previous:
                return
            if link is self._outer:
                node.__context__ = previous
                return
            node = link

    def finish(self):
        if self._pending:
            error = self.details[1]
            # Raising here would overwrite the repaired __context__ with the
            # exception our caller is handling; put it back as it leaves.
            context = error.__context__
            try:
                raise error
            finally:
                error.__context__ = context
        return self._received and self._suppressed


class _ExitStackBase:
    """Registration methods shared by ExitStack and AsyncExitStack.

    _exits holds (needs_await, exit_callable) pairs, newest last.
    """

    def __init__(self):
        self._exits = []

    def pop_all(self):
        """Move every registered exit to a new stack of the same type and return it."""
        moved = type(self)()
        moved._exits, self._exits = self._exits, []
        return moved

    def push(self, exit):
        """Register a context manager's __exit__, or a callable with that signature.

        The callable may suppress an exception by returning true.  Returns
        [exit], so push can decorate a function.
        """
        method = getattr(type(exit), "__exit__", None)
        if method is None:
            self._exits.append((False, exit))
        else:
            self._exits.append((False, _call_exit_method(exit, method)))
        return exit

    def enter_context(self, cm):
        """Enter [cm], register its exit, and return what __enter__ returned."""
        cls = type(cm)
        enter = getattr(cls, "__enter__", None)
        leave = getattr(cls, "__exit__", None)
        if enter is None or leave is None:
            raise _protocol_error(cm, "context manager") from None
        result = enter(cm)
        self._exits.append((False, _call_exit_method(cm, leave)))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Register callback(*args, **kwds) to run at exit; it cannot suppress.

        Returns [callback], so it can be used as a decorator.
        """
        def run_callback(exc_type, exc_value, traceback):
            callback(*args, **kwds)
        run_callback.__wrapped__ = callback
        self._exits.append((False, run_callback))
        return callback


class ExitStack(_ExitStackBase, AbstractContextManager):
    """A context manager that runs a dynamic list of exits when it ends.

    Enter any number of managers or register callbacks while the block runs;
    they unwind newest first, each seeing (and possibly suppressing) the
    exception left by the ones after it.
    """

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        run = _Unwinding(self._exits, exc_details)
        while True:
            entry = run.next_exit()
            if entry is None:
                break
            try:
                run.returned(entry[1](*run.details))
            except BaseException as error:
                run.raised(error)
        return run.finish()

    def close(self):
        """Run every registered exit now, as if the block had ended cleanly."""
        self.__exit__(None, None, None)


class AsyncExitStack(_ExitStackBase, AbstractAsyncContextManager):
    """The `async with` exit stack: it accepts async managers and coroutine callbacks."""

    async def enter_async_context(self, cm):
        """Enter async manager [cm], register its __aexit__, return the __aenter__ result."""
        cls = type(cm)
        enter = getattr(cls, "__aenter__", None)
        leave = getattr(cls, "__aexit__", None)
        if enter is None or leave is None:
            raise _protocol_error(cm, "asynchronous context manager") from None
        result = await enter(cm)
        self._exits.append((True, _call_exit_method(cm, leave)))
        return result

    def push_async_exit(self, exit):
        """Register an async manager's __aexit__ or a coroutine function with that signature."""
        method = getattr(type(exit), "__aexit__", None)
        if method is None:
            self._exits.append((True, exit))
        else:
            self._exits.append((True, _call_exit_method(exit, method)))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Register `await callback(*args, **kwds)` to run at exit; it cannot suppress."""
        async def run_callback(exc_type, exc_value, traceback):
            await callback(*args, **kwds)
        run_callback.__wrapped__ = callback
        self._exits.append((True, run_callback))
        return callback

    async def aclose(self):
        """Run every registered exit now, as if the block had ended cleanly."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        run = _Unwinding(self._exits, exc_details)
        while True:
            entry = run.next_exit()
            if entry is None:
                break
            needs_await, exit_fn = entry
            try:
                result = exit_fn(*run.details)
                if needs_await:
                    result = await result
                run.returned(result)
            except BaseException as error:
                run.raised(error)
        return run.finish()
