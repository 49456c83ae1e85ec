"""asyncio.to_thread(): run a blocking function without blocking the loop.

Design notes
------------
The call goes to the loop's default executor (a thread pool made on first
use, see events.py); the coroutine waits for it like for any future. gilpy
has no contextvars, so unlike CPython no context is copied into the thread.
"""

import functools

from . import events

__all__ = ('to_thread',)


async def to_thread(func, /, *args, **kwargs):
    """Calls func(*args, **kwargs) in a worker thread; returns its result."""
    call = functools.partial(func, *args, **kwargs)
    return await events.get_running_loop().run_in_executor(None, call)
