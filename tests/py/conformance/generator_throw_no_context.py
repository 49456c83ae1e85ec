# An exception thrown into a generator with throw() gets no implicit
# __context__ from the exception being handled by the caller (its own
# context is kept); ExitStack relies on this to build the right chain.
from contextlib import ExitStack, contextmanager

def chain(exc):
    out = []
    while exc is not None:
        out.append(exc.args[0] if exc.args else type(exc).__name__)
        exc = exc.__context__
    return out

def catcher():
    try:
        yield
    except Exception as e:
        yield ("inside", chain(e))

def passive():
    yield

first, second, older = Exception("first"), Exception("second"), Exception("older")
g = catcher(); next(g)
try:
    raise first
except Exception:
    print(g.throw(second))
print(chain(second))

second.__context__ = older
g = catcher(); next(g)
try:
    raise first
except Exception:
    print(g.throw(type(second), second, None))

fresh = Exception("fresh")
g = passive(); next(g)
try:
    raise first
except Exception:
    try:
        g.throw(fresh)
    except Exception as e:
        print("propagated", chain(e))

try:
    raise first
except Exception:
    try:
        {}["missing"]
    except KeyError as e:
        print("C-level error", chain(e))

@contextmanager
def raises_on_exit(exc):
    try:
        yield
    finally:
        raise exc

e1, e2, e3, e4 = (Exception(n) for n in (1, 2, 3, 4))
try:
    with ExitStack() as stack:
        stack.enter_context(raises_on_exit(e4))
        stack.enter_context(raises_on_exit(e3))
        stack.enter_context(raises_on_exit(e2))
        raise e1
except Exception as exc:
    print("ExitStack", chain(exc))

# But a generator suspended inside an except block chains what it throws
# to the exception that block is handling, also through `yield from`.
def in_handler():
    try:
        raise KeyError("a")
    except Exception:
        try:
            yield
        except Exception as exc:
            yield ("seen inside", chain(exc))
        yield

g = in_handler(); next(g)
print(g.throw(ValueError("v")))

def inner():
    yield

def outer():
    try:
        raise KeyError("b")
    except Exception:
        yield from inner()

g = outer(); next(g)
try:
    g.throw(ValueError("w"))
except ValueError as e:
    print("through yield from", chain(e))
