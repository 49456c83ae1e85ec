"""asyncio.to_thread(): run a blocking function without blocking the loop.

Design notes
------------
The call goes to the loop's default executor (a thread pool made on first
use, see events.py); the coroutine waits for it like for any future. As in
CPython, the call runs in a copy of the caller's contextvars context.
"""

import contextvars
import functools

from . import events

__all__ = ('to_thread',)


async def to_thread(func, /, *args, **kwargs):
    """Calls func(*args, **kwargs) in a worker thread; returns its result."""
    call = functools.partial(contextvars.copy_context().run, func, *args, **kwargs)
    return await events.get_running_loop().run_in_executor(None, call)
