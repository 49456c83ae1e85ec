def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        return 10 // x
    except ValueError as e:
        return "value error: " + str(e)
    except ZeroDivisionError:
        return "never"
    else:
        print("else ran")
    finally:
        print("finally", x)

print(f(2))
print(f(0))

def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", repr(e))
nested()

try:
    try:
        1 / 0
    except ZeroDivisionError as exc:
        raise RuntimeError("wrapped") from exc
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

try:
    try:
        raise TypeError("a")
    except TypeError:
        raise
except TypeError as e:
    print("reraised", e)

def loop_with_break():
    for i in range(5):
        try:
            if i == 3:
                break
        finally:
            print("f", i)
    return i
print(loop_with_break())

try:
    raise Exception
except Exception as e:
    print(repr(e))
try:
    e
except NameError as ne:
    print(ne)

class MyError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyError(7)
except (KeyError, MyError) as e:
    print(type(e).__name__, e.code, e)

try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        pass
    except 5:
        pass
    print("no exception, no check")
except TypeError as e:
    print(e)
import sys
try:
    raise ValueError("x")
except ValueError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
