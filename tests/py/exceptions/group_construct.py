# ExceptionGroup / BaseExceptionGroup construction: checks, messages, the
# class chosen, args, message, exceptions and str().
eg = ExceptionGroup("many", [ValueError(1), TypeError(2)])
print(repr(eg))
print(str(eg))
print(eg.args)
print(eg.message, eg.exceptions)
print(eg.__dict__)
print([c.__name__ for c in ExceptionGroup.__mro__])
print([c.__name__ for c in BaseExceptionGroup.__mro__])
print([c.__name__ for c in ExceptionGroup.__bases__])
print(str(ExceptionGroup("one", [ValueError()])))
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("x", (ValueError(), SystemExit()))).__name__)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))

# The sequence is copied into a tuple; args keep what was given.
src = [ValueError("a")]
g = ExceptionGroup("copy", src)
src.append(KeyError("b"))
print(len(g.exceptions), type(g.exceptions).__name__, type(g.args[1]).__name__)

cases = [(), ("m",), (1, [ValueError()]), ("m", []), ("m", [1]), ("m", 5),
         ("m", [ValueError()], 3), ("m", {ValueError(): 1}), ("m", [ValueError(), "x"])]
for args in cases:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
try:
    ExceptionGroup("m", [ValueError()], kw=1)
except TypeError as e:
    print("TypeError", e)
try:
    eg.message = "other"
except AttributeError:
    print("message is read-only")

# Nested groups count as one sub-exception each.
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [KeyError(2), OSError(3)])])
print(str(nested))
print(repr(nested))

# Raising and catching a group with a plain except.
try:
    raise ExceptionGroup("boom", [ZeroDivisionError("z")])
except Exception as e:
    print("caught", type(e).__name__, e)
try:
    raise BaseExceptionGroup("boom", [KeyboardInterrupt()])
except Exception:
    print("wrong")
except BaseException as e:
    print("caught base", type(e).__name__, e)

# Generic aliases for type hints.
print(ExceptionGroup[ValueError], BaseExceptionGroup[int, str])
