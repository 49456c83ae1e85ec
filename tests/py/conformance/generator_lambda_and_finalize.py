# A generator lambda returns its body's value (StopIteration.value); a
# generator that ignores GeneratorExit when it is collected is reported
# through sys.unraisablehook.
import sys

echo = lambda: (yield "first")
g = echo()
print(next(g))
try:
    g.send("sent back")
except StopIteration as stop:
    print("returned:", stop.value)

relay = lambda: (yield from echo())
g = relay()
next(g)
try:
    g.send(42)
except StopIteration as stop:
    print("relayed:", stop.value)

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuses"

reports = []
sys.unraisablehook = lambda u: reports.append(
    (u.exc_type.__name__, str(u.exc_value), u.object.__name__))
g = stubborn()
next(g)
del g
print(reports)

def polite():
    try:
        yield 1
    finally:
        print("cleanup ran")
g = polite()
next(g)
del g
print(len(reports))
