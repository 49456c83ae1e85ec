# More exception-state cases: async generators across asend/athrow,
# contextmanager chaining, close() in the closer's except, a generator
# resumed from another thread, with-blocks and nested generators.
import sys, asyncio, contextlib, threading

def show(tag):
    print(tag, repr(sys.exc_info()[1]))

# async generator with except across yields
async def agen():
    try:
        raise ValueError("ag")
    except ValueError:
        yield 1
        show("agen after resume")
    show("agen out")
    yield 2

async def main():
    g = agen()
    print(await g.__anext__())
    try:
        raise KeyError("main")
    except KeyError:
        print(await g.__anext__())
    show("main")
    try:
        raise TypeError("t")
    except TypeError:
        try:
            await g.athrow(ZeroDivisionError("z"))
        except ZeroDivisionError as e:
            print("athrow ctx", repr(e.__context__))
    await g.aclose()
asyncio.run(main())

# contextmanager raising new exception in except
@contextlib.contextmanager
def cm():
    try:
        yield
    except ValueError as e:
        raise RuntimeError("wrapped")

try:
    with cm():
        raise ValueError("inner")
except RuntimeError as e:
    print("cm", repr(e.__context__), repr(e.__context__.__context__))

try:
    raise KeyError("outer")
except KeyError:
    try:
        with cm():
            raise ValueError("inner2")
    except RuntimeError as e:
        print("cm2", repr(e.__context__), repr(e.__context__.__context__))

# yield in finally during close
def gfin():
    try:
        yield 1
    finally:
        show("gfin finally")
g = gfin(); next(g)
try:
    raise KeyError("closing")
except KeyError:
    g.close()

# generator resumed in another thread
def gt():
    try:
        raise ValueError("gt")
    except ValueError:
        yield
        show("gt in thread")
    show("gt out")
    yield
g = gt(); next(g)
def worker():
    try:
        raise KeyError("thread")
    except KeyError:
        next(g)
t = threading.Thread(target=worker); t.start(); t.join()
show("main after thread")

# with inside generator: __exit__ sees exc, raises new
class Exit:
    def __enter__(self): return self
    def __exit__(self, *a):
        show("exit")
        raise OSError("from exit")
def gw():
    with Exit():
        yield
        raise ValueError("in with")
g = gw(); next(g)
try:
    raise KeyError("caller")
except KeyError:
    try:
        next(g)
    except OSError as e:
        print("gw", repr(e.__context__), repr(e.__context__.__context__))

# genexp inside except clause
try:
    raise KeyError("ge")
except KeyError as e:
    print(list((x, repr(sys.exc_info()[1])) for x in range(1)))

# nested: generator calling another generator's next inside its except
def inner():
    show("inner start")
    yield
    show("inner resumed")
    yield
def outer(i):
    try:
        raise ValueError("outer exc")
    except ValueError:
        next(i)
        yield
        next(i)
    yield
i = inner()
o = outer(i)
next(o)
try:
    raise KeyError("top")
except KeyError:
    next(o)
