# sys._getframe: the running frame and its callers through f_back, their
# code, line numbers, globals and locals; depth errors.
import sys


def names(frame):
    out = []
    while frame is not None:
        out.append((frame.f_code.co_name, frame.f_lineno))
        frame = frame.f_back
    return out


def leaf(x):
    here = names(sys._getframe())
    return here, sys._getframe(0).f_locals.get("x"), sys._getframe().f_globals is globals()


def middle():
    return leaf(7)


def top():
    return middle()


print(top())
print(names(sys._getframe()))


def caller_name():
    return sys._getframe(1).f_code.co_name


def some_function():
    return caller_name()


print(some_function(), caller_name())


class K:
    def method(self):
        return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name


print(K().method())
print([sys._getframe(i).f_code.co_name for i in range(3) if True] if False else "skip")


def gen():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name


print(list(gen()))
print(sys._getframe().f_back, type(sys._getframe()).__name__)
for bad in (100, -1, "x", 1.5):
    try:
        print(sys._getframe(bad).f_code.co_name)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    sys._getframe(1, 2)
except TypeError as e:
    print("TypeError:", e)
f = (lambda: sys._getframe())()
print(f.f_code.co_name, f.f_back.f_code.co_name)
