# contextmanager / asynccontextmanager: how exceptions travel between the
# with-block and the generator, the errors for badly behaved generators, and
# the decorator form (a fresh generator per call).
import asyncio
from contextlib import contextmanager, asynccontextmanager


def show(label, fn):
    try:
        print(label, '->', repr(fn()))
    except BaseException as e:
        print(label, 'raised', type(e).__name__, e)


@contextmanager
def plain(log):
    log.append('enter')
    try:
        yield 'value'
    finally:
        log.append('exit')


log = []
with plain(log) as v:
    log.append(v)
print(log)


@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print('generator swallowed', type(e).__name__, e)


def body_raises(cm, exc):
    def run():
        with cm:
            raise exc
        return 'after block'
    return run


show('swallow', body_raises(swallow(KeyError), KeyError('k')))
show('no match', body_raises(swallow(KeyError), ValueError('v')))


# The generator re-raises the very exception it was handed: it propagates
# unchanged (the same object), not wrapped.
@contextmanager
def reraiser():
    try:
        yield
    except Exception:
        raise


err = ValueError('same')
try:
    with reraiser():
        raise err
except ValueError as e:
    print('same object:', e is err)


# The generator raises a different exception: that one wins, chained.
@contextmanager
def translator():
    try:
        yield
    except KeyError as e:
        raise LookupError('translated') from e


try:
    with translator():
        raise KeyError('orig')
except LookupError as e:
    print('translated', repr(e.__cause__))


# StopIteration raised in the body must not be silently swallowed.
@contextmanager
def passthrough():
    yield


try:
    with passthrough():
        raise StopIteration('from body')
except StopIteration as e:
    print('StopIteration propagated:', e)
except RuntimeError as e:
    print('RuntimeError', e)


# A RuntimeError from the body passes through untouched.
rt = RuntimeError('body rt')
try:
    with passthrough():
        raise rt
except RuntimeError as e:
    print('runtime same object:', e is rt)


# Exception given as a class only (value None) from a manual __exit__ call.
cm = swallow(ZeroDivisionError)
cm.__enter__()
print('manual exit with type only:', cm.__exit__(ZeroDivisionError, None, None))


@contextmanager
def never_yields():
    return
    yield


@contextmanager
def yields_twice():
    yield 1
    yield 2


@contextmanager
def keeps_going_after_throw():
    try:
        yield
    except ValueError:
        pass
    yield 'again'


show('never yields', lambda: never_yields().__enter__())


def _twice():
    with yields_twice():
        pass


show('yields twice', _twice)
show('after throw', body_raises(keeps_going_after_throw(), ValueError('x')))


# The decorated function keeps its metadata.
@contextmanager
def documented(a, b=2):
    """Doc of documented."""
    yield a + b


print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
with documented(1) as total:
    print('total', total)
print('instance doc:', documented(1).__doc__)


# Used as a decorator, each call gets a new generator.
calls = []


@contextmanager
def counted():
    calls.append('in')
    yield
    calls.append('out')


@counted()
def work(x):
    calls.append(x)
    return x * 10


print(work(1), work(2), calls)


print('cm type:', type(plain([])).__name__)


# The async flavour.
@asynccontextmanager
async def aplain(log):
    log.append('aenter')
    try:
        yield 'avalue'
    except KeyError as e:
        log.append('caught ' + str(e))
    finally:
        log.append('aexit')


@asynccontextmanager
async def anever():
    if False:
        yield


@asynccontextmanager
async def atwice():
    yield
    yield


async def amain():
    log = []
    async with aplain(log) as v:
        log.append(v)
    async with aplain(log):
        raise KeyError('inner')
    print(log)
    try:
        async with aplain(log):
            raise ValueError('through')
    except ValueError as e:
        print('async propagated', e)
    for factory in (anever, atwice):
        try:
            async with factory():
                pass
        except RuntimeError as e:
            print(factory.__name__, 'RuntimeError', e)

    @aplain([])
    async def decorated(n):
        return n + 1
    print('async decorated', await decorated(41), await decorated(1))

    err = StopAsyncIteration('sai')
    try:
        async with aplain(log):
            raise err
    except StopAsyncIteration as e:
        print('StopAsyncIteration same:', e is err)
    except RuntimeError as e:
        print('wrapped', e)


asyncio.run(amain())
