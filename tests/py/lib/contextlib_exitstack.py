# ExitStack and AsyncExitStack: unwinding order, suppression, exceptions
# raised by callbacks (and how they chain), pop_all, push of objects and
# plain callables, and the protocol errors of enter_context.
import asyncio
from contextlib import ExitStack, AsyncExitStack, contextmanager, nullcontext


class Named:
    def __init__(self, name, log, suppress=False):
        self.name, self.log, self.suppress = name, log, suppress

    def __enter__(self):
        self.log.append('enter ' + self.name)
        return self.name.upper()

    def __exit__(self, et, ev, tb):
        self.log.append('exit %s %s' % (self.name, et.__name__ if et else None))
        return self.suppress


log = []
with ExitStack() as stack:
    print(stack.enter_context(Named('a', log)), stack.enter_context(Named('b', log)))
    stack.callback(log.append, 'callback arg')
    stack.callback(lambda *a, **k: log.append(('kw', a, k)), 1, x=2)
print(log)

# A suppressing __exit__ hides the exception from the ones below it.
log = []
with ExitStack() as stack:
    stack.enter_context(Named('outer', log))
    stack.enter_context(Named('sup', log, suppress=True))
    stack.enter_context(Named('inner', log))
    raise KeyError('gone')
print(log)

# callback() and push() return their argument, so they work as decorators.
with ExitStack() as stack:
    @stack.callback
    def cleanup():
        print('decorated callback ran')
    print('callback returned itself:', cleanup.__name__)

    @stack.push
    def on_exit(et, ev, tb):
        print('push callable saw', et)
        return False

# push() of an object registers its __exit__ (looked up on the type).
log = []
with ExitStack() as stack:
    obj = Named('pushed', log)
    print('push returns object:', stack.push(obj) is obj)
print(log)

# An exception raised by a callback replaces the one in flight and is
# chained to it through __context__.
def raiser(exc):
    def cb(*args):
        raise exc
    return cb


try:
    with ExitStack() as stack:
        stack.push(raiser(ValueError('second')))
        stack.push(raiser(TypeError('first')))
        raise KeyError('original')
except Exception as e:
    chain = []
    while e is not None:
        chain.append('%s(%s)' % (type(e).__name__, e))
        e = e.__context__
    print(' <- '.join(chain))

# With a clean body, a callback error is not chained to an earlier one.
try:
    with ExitStack() as stack:
        stack.push(raiser(ValueError('second')))
        stack.push(raiser(TypeError('first')))
except ValueError as e:
    print('clean body chain:', repr(e), repr(e.__context__))

# A later callback can suppress what an earlier one raised.
with ExitStack() as stack:
    stack.push(lambda *exc: print('suppressing', exc[0].__name__) or True)
    stack.push(raiser(OSError('from callback')))
print('suppressed a callback error')

# Exceptions from callbacks when the body was clean.
try:
    with ExitStack() as stack:
        stack.callback(print, 'still runs')
        stack.push(raiser(RuntimeError('cb error')))
except RuntimeError as e:
    print('clean body, callback raised:', e, e.__context__)

# pop_all moves the callbacks to a new stack; close() runs them.
log = []
with ExitStack() as stack:
    stack.enter_context(Named('moved', log))
    kept = stack.pop_all()
print('after with:', log, type(kept).__name__)
kept.close()
print('after close:', log)
kept.close()
print('second close is a no-op:', log)

# enter_context on something that is not a context manager.
class NotCM:
    pass


class HalfCM:
    def __enter__(self):
        return self


for bad in (NotCM(), HalfCM(), 42):
    try:
        with ExitStack() as stack:
            stack.enter_context(bad)
    except TypeError as e:
        print('TypeError:', e)

# The exit return value: True only if an exception arrived and was suppressed.
stack = ExitStack()
stack.__enter__()
stack.push(lambda *exc: True)
print('exit with nothing to suppress:', stack.__exit__(None, None, None))
stack = ExitStack()
stack.push(lambda *exc: True)
print('exit with suppression:', stack.__exit__(KeyError, KeyError('x'), None))
print('ExitStack enter returns self:', (lambda s: s.__enter__() is s)(ExitStack()))


# Generator context managers on a stack.
@contextmanager
def gen(name):
    print('gen in', name)
    try:
        yield name
    finally:
        print('gen out', name)


with ExitStack() as stack:
    names = [stack.enter_context(gen(n)) for n in 'xyz']
    print(names)


# The async stack mixes sync and async callbacks.
class ACM:
    def __init__(self, name, log, suppress=False):
        self.name, self.log, self.suppress = name, log, suppress

    async def __aenter__(self):
        self.log.append('aenter ' + self.name)
        return self.name

    async def __aexit__(self, et, ev, tb):
        self.log.append('aexit %s %s' % (self.name, et.__name__ if et else None))
        return self.suppress


async def amain():
    log = []
    async with AsyncExitStack() as stack:
        print(await stack.enter_async_context(ACM('one', log)))
        print(stack.enter_context(Named('sync', log)))

        async def acb(tag, *, extra):
            log.append('acb %s %s' % (tag, extra))
        stack.push_async_callback(acb, 't', extra='e')
        stack.callback(log.append, 'sync cb')

        async def aexit_fn(et, ev, tb):
            log.append('push_async_exit fn %s' % (et,))
        print('push_async_exit returns arg:', stack.push_async_exit(aexit_fn) is aexit_fn)
        stack.push_async_exit(ACM('pushed', log))
    print(log)

    log = []
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(ACM('sup', log, suppress=True))
        raise ValueError('hidden')
    print(log)

    try:
        async with AsyncExitStack() as stack:
            async def bad(*a):
                raise KeyError('async cb')
            stack.push_async_exit(bad)
            raise ValueError('body')
    except KeyError as e:
        print('async chain:', repr(e), repr(e.__context__))

    for bad in (NotCM(), Named('sync-only', [])):
        try:
            async with AsyncExitStack() as stack:
                await stack.enter_async_context(bad)
        except TypeError as e:
            print('TypeError:', e)

    stack = AsyncExitStack()
    stack.push_async_callback(acb_print, 'via aclose')
    moved = stack.pop_all()
    await stack.aclose()
    print('nothing ran yet')
    await moved.aclose()

    async with nullcontext('async null') as v:
        print(v)


async def acb_print(msg):
    print('async callback:', msg)


asyncio.run(amain())
