"""Support for the anext() builtin: the awaitable it returns when given a
default value.

Design notes
------------
anext(it) is just it.__anext__(), which the C builtin returns directly.
With a second argument the result must be an awaitable that finishes the
same step but answers the default instead of letting StopAsyncIteration
out. A coroutine is the natural shape for that, and writing it here keeps
the C side free of a hand-made awaitable type with send/throw/close.
"""


async def with_default(step, default):
    # Only the end-of-iteration signal becomes the default: any other
    # exception, cancellation included, must reach the awaiting code as is.
    try:
        return await step
    except StopAsyncIteration:
        return default
