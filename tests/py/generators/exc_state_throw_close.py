# Exception state through yield from, throw() and close(): a throw() chains
# only the generator's own handled exception; close() raises GeneratorExit
# in the closer's context.
import sys

def show(tag):
    print(tag, repr(sys.exc_info()[1]))

# yield from: inner gen in except block
def inner():
    try:
        raise ValueError("inner")
    except ValueError:
        show("inner before")
        yield 1
        show("inner after")
    show("inner out")
    yield 2

def outer():
    try:
        raise KeyError("outer")
    except KeyError:
        show("outer before")
        yield from inner()
        show("outer after yf")
    show("outer out")

g = outer()
next(g)
show("caller 1")
try:
    raise TypeError("caller")
except TypeError:
    next(g)
    show("caller 2")
    try:
        next(g)
    except StopIteration:
        pass
    show("caller 3")

# throw inside an except in the caller
def g5():
    try:
        yield
    except ZeroDivisionError as e:
        print("g5 caught", repr(e), repr(e.__context__))
        show("g5 handler")
        yield
    show("g5 after")
    yield

g = g5()
next(g)
try:
    raise KeyError("caller k")
except KeyError:
    g.throw(ZeroDivisionError("z"))
    show("after throw")
next(g)

# throw into gen suspended in except
def g6():
    try:
        raise ValueError("g6")
    except ValueError:
        try:
            yield
        except ZeroDivisionError as e:
            print("g6 caught", repr(e), repr(e.__context__))
            show("g6 handler")
        show("g6 after inner")
    show("g6 after outer")
    yield

g = g6()
next(g)
try:
    raise KeyError("ck")
except KeyError:
    g.throw(ZeroDivisionError("z2"))

# throw uncaught: context
def g7():
    try:
        raise ValueError("g7")
    except ValueError:
        yield
g = g7()
next(g)
try:
    raise KeyError("c7")
except KeyError:
    try:
        g.throw(ZeroDivisionError("z7"))
    except ZeroDivisionError as e:
        print("g7 ctx", repr(e.__context__))

def g7b():
    yield
g = g7b()
next(g)
try:
    raise KeyError("c7b")
except KeyError:
    try:
        g.throw(ZeroDivisionError("z7b"))
    except ZeroDivisionError as e:
        print("g7b ctx", repr(e.__context__))

# close while handling
def g8():
    try:
        raise ValueError("g8")
    except ValueError:
        try:
            yield
        except GeneratorExit as e:
            print("g8 GE ctx", repr(e.__context__))
            show("g8 in GE")
            raise
        finally:
            show("g8 finally")
g = g8()
next(g)
try:
    raise KeyError("c8")
except KeyError:
    g.close()
    show("after close")

def g8b():
    try:
        yield
    finally:
        show("g8b finally")
g = g8b()
next(g)
try:
    raise KeyError("c8b")
except KeyError:
    g.close()
g = g8b()
next(g)
del g
try:
    raise KeyError("c8c")
except KeyError:
    g = g8b(); next(g); del g

# gen raising in close: context
def g9():
    try:
        yield
    except GeneratorExit:
        raise RuntimeError("bad close")
g = g9()
next(g)
try:
    raise KeyError("c9")
except KeyError:
    try:
        g.close()
    except RuntimeError as e:
        print("g9 ctx", repr(e.__context__), repr(e.__context__.__context__))
