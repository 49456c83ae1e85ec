"""asyncio.to_thread(): run a blocking function in the loop's default executor."""

import functools

from . import events

__all__ = ('to_thread',)


async def to_thread(func, /, *args, **kwargs):
    """Runs func(*args, **kwargs) in a worker thread; awaits its result."""
    loop = events.get_running_loop()
    func_call = functools.partial(func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)
