# The small context managers: suppress, closing, aclosing, nullcontext,
# redirect_stdout/redirect_stderr, chdir, and the ContextDecorator and
# AbstractContextManager bases.
import asyncio
import io
import os
import sys
import tempfile
from contextlib import (suppress, closing, aclosing, nullcontext, redirect_stdout,
                        redirect_stderr, chdir, ContextDecorator, AbstractContextManager,
                        AbstractAsyncContextManager, AsyncContextDecorator)
import contextlib

print(sorted(contextlib.__all__))

# suppress: matches subclasses, lets others through, no-arg form suppresses nothing.
with suppress(LookupError):
    {}['missing']
print('KeyError suppressed via LookupError')
for kinds, exc in (((KeyError,), ValueError('v')), ((), ValueError('none'))):
    try:
        with suppress(*kinds):
            raise exc
    except ValueError as e:
        print('not suppressed:', e)
s = suppress(OSError)
print('suppress enter returns:', s.__enter__())
print('suppress exit no exc:', s.__exit__(None, None, None))
print('suppress exit match:', s.__exit__(FileNotFoundError, FileNotFoundError(), None))
print('suppress exit other:', s.__exit__(KeyError, KeyError(), None))
with suppress(ZeroDivisionError):
    with suppress(ZeroDivisionError):
        1 / 0
    print('reached: inner suppressed')
try:
    with suppress(Exception):
        raise KeyboardInterrupt
except KeyboardInterrupt:
    print('BaseException not caught by suppress(Exception)')


# closing calls close() even when the block raises, and returns the thing.
class Thing:
    def __init__(self, name):
        self.name = name

    def close(self):
        print('closed', self.name)


with closing(Thing('a')) as t:
    print('using', t.name)
try:
    with closing(Thing('b')):
        raise ValueError('inside closing')
except ValueError as e:
    print('propagated', e)
c = closing(Thing('attr'))
print('closing.thing:', c.thing.name)


# nullcontext
with nullcontext() as v:
    print('nullcontext default:', v)
obj = object()
with nullcontext(obj) as v:
    print('nullcontext same object:', v is obj)
print('nullcontext enter_result attr:', nullcontext(7).enter_result)
try:
    with nullcontext():
        raise KeyError('nc')
except KeyError:
    print('nullcontext does not suppress')

# redirect_stdout / redirect_stderr, nested and re-entrant.
a, b = io.StringIO(), io.StringIO()
with redirect_stdout(a) as target:
    print('to a')
    print('target is a:', target is a)
    with redirect_stdout(b):
        print('to b')
    print('back to a')
print('a:', repr(a.getvalue()))
print('b:', repr(b.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    sys.stderr.write('to err\n')
print('err:', repr(err.getvalue()))
print('stderr restored:', sys.stderr is sys.__stderr__)

re_buf = io.StringIO()
cm = redirect_stdout(re_buf)
with cm:
    with cm:
        print('re-entrant')
    print('still redirected')
print('reentrant:', repr(re_buf.getvalue()))
try:
    with redirect_stdout(io.StringIO()):
        raise ValueError('restore on error')
except ValueError:
    pass
print('stdout restored after error')

# chdir
start = os.getcwd()
with tempfile.TemporaryDirectory() as d:
    with chdir(d) as r:
        print('chdir enter returns:', r)
        print('moved:', os.path.samefile(os.getcwd(), d))
        with chdir(start):
            print('nested back:', os.getcwd() == start)
        print('still in d:', os.path.samefile(os.getcwd(), d))
    print('restored:', os.getcwd() == start)
    try:
        with chdir(d):
            raise KeyError('x')
    except KeyError:
        print('restored after error:', os.getcwd() == start)
try:
    with chdir('/definitely/not/here'):
        pass
except FileNotFoundError as e:
    print('chdir missing:', type(e).__name__, e.errno == 2)
print('cwd unchanged:', os.getcwd() == start)


# ContextDecorator: the same instance wraps every call.
class Tracer(ContextDecorator):
    def __init__(self):
        self.count = 0

    def __enter__(self):
        self.count += 1
        print('enter', self.count)
        return self

    def __exit__(self, et, ev, tb):
        print('exit', et.__name__ if et else None)
        return et is KeyError


tr = Tracer()


@tr
def job(x, *, y=1):
    """job doc"""
    if x < 0:
        raise KeyError(x)
    return x + y


print(job(1, y=5), job(2), job(-1), tr.count)
print(job.__name__, job.__doc__, job.__wrapped__.__name__)


class ATracer(AsyncContextDecorator):
    async def __aenter__(self):
        print('aenter')
        return self

    async def __aexit__(self, *exc):
        print('aexit', exc[0])
        return False


@ATracer()
async def ajob(n):
    return n * 3


# The abstract bases give default __enter__/__exit__.
class Simple(AbstractContextManager):
    def __exit__(self, et, ev, tb):
        return super().__exit__(et, ev, tb)


with Simple() as s:
    print('default enter returns self:', type(s).__name__)
print('default exit:', Simple().__exit__(None, None, None))
try:
    with Simple():
        raise ValueError('not suppressed')
except ValueError:
    print('default exit does not suppress')


class ASimple(AbstractAsyncContextManager):
    async def __aexit__(self, et, ev, tb):
        return await super().__aexit__(et, ev, tb)


class ARes:
    def __init__(self):
        self.closed = False

    async def aclose(self):
        self.closed = True
        print('aclosed')


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print('agen finalised')


async def amain():
    print('ajob', await ajob(4))
    async with ASimple() as s:
        print('async default enter:', type(s).__name__)
    r = ARes()
    async with aclosing(r) as got:
        print('aclosing returns thing:', got is r)
    print('closed flag:', r.closed)
    async with aclosing(agen()) as g:
        async for v in g:
            print('agen value', v)
            break
    print('after aclosing agen')


asyncio.run(amain())
