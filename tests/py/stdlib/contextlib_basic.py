from contextlib import contextmanager, suppress, closing, nullcontext, redirect_stdout, ExitStack, ContextDecorator
import io
@contextmanager
def tag(name):
    print('<%s>' % name)
    try:
        yield name.upper()
    finally:
        print('</%s>' % name)
with tag('b') as t:
    print('inside', t)
try:
    with tag('x'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', repr(e))
with swallow():
    raise KeyError('k')
print('after')
@tag('deco')
def fn(x): print('fn', x); return x * 2
print(fn(3))
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
class Res:
    def close(self): print('closed')
with closing(Res()) as r: print(type(r).__name__)
with nullcontext(5) as v: print(v)
buf = io.StringIO()
with redirect_stdout(buf):
    print('hidden')
print(repr(buf.getvalue()))
with ExitStack() as stack:
    for n in 'abc':
        stack.enter_context(tag(n))
    stack.callback(print, 'callback ran')
    print('body')
class CD(ContextDecorator):
    def __enter__(self): print('enter'); return self
    def __exit__(self, *a): print('exit'); return False
@CD()
def g(): print('g body')
g()
@contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print(e)
@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice(): pass
except RuntimeError as e: print(e)
with ExitStack() as st:
    st.push(lambda *exc: True)
    raise ValueError('suppressed by push')
print('end')
