# sys.exc_info(), bare raise and implicit __context__ in generators: a
# generator has its own handled exception, kept across a yield inside an
# except block, and otherwise sees the one its current caller handles.

def show(tag):
    e = sys.exc_info()[1]
    print(tag, repr(e))

# 1. yield inside except: restored on resume, caller's state not leaked
def g1():
    try:
        raise ValueError("in gen")
    except ValueError:
        show("g1 before yield")
        yield 1
        show("g1 after resume")
    show("g1 after except")
    yield 2
    show("g1 end")

it = g1()
next(it)
show("caller after first yield")
try:
    raise KeyError("caller")
except KeyError:
    next(it)
    show("caller in except after second next")
show("caller outside")
try:
    raise TypeError("caller2")
except TypeError:
    try:
        next(it)
    except StopIteration:
        pass
    show("caller after end")

# 2. caller's handled exception visible in gen with none of its own
def g2():
    show("g2 start")
    yield
    show("g2 resumed")
    yield
gen = g2()
try:
    raise KeyError("A")
except KeyError:
    next(gen)
try:
    raise KeyError("B")
except KeyError:
    next(gen)
next(gen, None)

# 3. bare raise after resume
def g3():
    try:
        raise ValueError("g3")
    except ValueError:
        yield
        try:
            raise
        except ValueError as e:
            print("reraised", repr(e))
        yield
gen = g3()
next(gen)
try:
    raise KeyError("outer")
except KeyError:
    next(gen)

# 4. __context__ of exceptions raised after resume
def g4():
    try:
        raise ValueError("v")
    except ValueError:
        yield
        raise TypeError("t")
gen = g4()
next(gen)
try:
    raise KeyError("k")
except KeyError:
    try:
        next(gen)
    except TypeError as e:
        print("context", repr(e.__context__), repr(e.__context__.__context__))

def g4b():
    yield
    raise TypeError("t")
gen = g4b()
next(gen)
try:
    raise KeyError("k2")
except KeyError:
    try:
        next(gen)
    except TypeError as e:
        print("context b", repr(e.__context__))

# 4c: gen yields in except, then after except raise, context should be none (handled gone) or caller's
def g4c():
    try:
        raise ValueError("v")
    except ValueError:
        yield
    yield
    raise TypeError("t")
gen = g4c()
next(gen)
try:
    raise KeyError("first caller")
except KeyError:
    next(gen)
try:
    raise KeyError("second caller")
except KeyError:
    try:
        next(gen)
    except TypeError as e:
        print("context c", repr(e.__context__))
try:
    next(gen)
except StopIteration:
    print("done c")
# yield inside finally during exception propagation
def gf():
    try:
        raise ValueError("gf")
    finally:
        show("gf finally before")
        yield 1
        show("gf finally after")
g = gf()
next(g)
show("caller after gf yield")
try:
    raise KeyError("k")
except KeyError:
    try:
        next(g)
    except ValueError as e:
        print("gf raised", repr(e), repr(e.__context__))
    show("caller after")

# except* with yield
def geg():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        show("geg V before")
        yield 1
        show("geg V after")
    except* TypeError as e:
        show("geg T before")
        yield 2
        show("geg T after")
    show("geg out")
g = geg()
print(next(g))
try:
    raise KeyError("c")
except KeyError:
    print(next(g))
    show("caller mid")
    try:
        next(g)
    except StopIteration:
        pass
show("after geg")

# contextmanager with exception
@contextlib.contextmanager
def cm():
    show("cm enter")
    try:
        yield
    except ZeroDivisionError:
        show("cm caught")
    show("cm exit")

try:
    raise KeyError("outer")
except KeyError:
    with cm():
        show("body")
        1/0
    show("after with")

# nested generators each in handler
def a():
    try:
        raise ValueError("a")
    except ValueError:
        yield "a1"
        show("a resumed")
        yield "a2"
def b():
    try:
        raise TypeError("b")
    except TypeError:
        for x in a():
            show("b got " + x)
            yield x
        show("b after loop")
    show("b out")
    yield "b3"
for v in b():
    show("main got " + v)

# generator re-raising after resume: context
def gr():
    try:
        raise ValueError("gr")
    except ValueError:
        yield
        raise
g = gr()
next(g)
try:
    raise KeyError("zz")
except KeyError:
    try:
        next(g)
    except ValueError as e:
        print("gr", repr(e), repr(e.__context__))

# bare raise in gen with no own exception: sees caller's
def gb():
    yield
    raise
g = gb(); next(g)
try:
    raise KeyError("caller bare")
except KeyError:
    try:
        next(g)
    except KeyError as e:
        print("gb reraised", repr(e))
g = gb(); next(g)
try:
    next(g)
except RuntimeError as e:
    print("gb", e)

# generator expression
try:
    raise KeyError("genexp")
except KeyError:
    print(list(repr(sys.exc_info()[1]) for _ in range(2)))

# sys.exception
def gse():
    yield sys.exception()
    try:
        raise ValueError(5)
    except ValueError:
        yield sys.exception()
    yield sys.exception()
g = gse()
print(next(g))
try:
    raise KeyError(1)
except KeyError:
    print(next(g))
    print(next(g))
print(next(g))

# exception in gen propagating through caller's handler: context
def gp():
    try:
        raise ValueError("gp inner")
    except ValueError:
        yield
        1/0
g = gp(); next(g)
try:
    raise KeyError("gpk")
except KeyError:
    try:
        next(g)
    except ZeroDivisionError as e:
        c = e.__context__
        print("gp chain", repr(c), repr(c.__context__), repr(c.__context__.__context__) if c.__context__ else None)

