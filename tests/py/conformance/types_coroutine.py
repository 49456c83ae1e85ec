# types.coroutine lets a plain generator be awaited, the way coroutines were
# written before async def. Drive the coroutines by hand with send().
import types


@types.coroutine
def pause(tag):
    reply = yield 'paused at ' + tag
    return reply * 2


async def worker():
    first = await pause('one')
    second = await pause('two')
    return first + second


def drive(coro, replies):
    try:
        print('yielded:', coro.send(None))
        for r in replies:
            print('yielded:', coro.send(r))
    except StopIteration as stop:
        print('finished with', stop.value)


drive(worker(), [10, 20])

# The decorated function is the same function object, still a generator
# function, and its code carries the iterable-coroutine flag (0x100).
print(pause.__name__, bool(pause.__code__.co_flags & 0x100),
      bool(pause.__code__.co_flags & 0x20))
g = pause('direct')
print(type(g).__name__, next(g))


# A callable that is not a generator function but returns a generator is
# wrapped so that what it returns can be awaited.
def make_generator():
    def inner():
        got = yield 'from inner'
        return got
    return inner()


wrapped = types.coroutine(make_generator)


async def uses_wrapped():
    return await wrapped()


drive(uses_wrapped(), ['answer'])

# Coroutine functions come back untouched; non-callables are refused.
async def already():
    return 1
print(types.coroutine(already) is already)
try:
    types.coroutine(42)
except TypeError as err:
    print('TypeError:', err)

# An undecorated generator still cannot be awaited.
def plain():
    yield 1


async def bad():
    await plain()
try:
    bad().send(None)
except TypeError as err:
    print('TypeError:', err)

# code.replace() changes header fields and keeps the behaviour.
def adder(a, b=3):
    return a + b
code = adder.__code__.replace(co_name='renamed', co_firstlineno=99)
print(code.co_name, code.co_firstlineno, code.co_argcount, code.co_varnames)
adder.__code__ = code
print(adder(4), adder(1, 1))
