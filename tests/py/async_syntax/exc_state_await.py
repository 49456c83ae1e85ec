# Each coroutine keeps its own handled exception across an await; one that
# handles none sees the exception its driver (or awaiting coroutine) handles.
import sys, asyncio, types

def show(tag):
    print(tag, repr(sys.exc_info()[1]))

@types.coroutine
def suspend():
    yield "s"

async def c1():
    try:
        raise ValueError("c1")
    except ValueError:
        show("c1 before await")
        await suspend()
        show("c1 after await")
        try:
            raise
        except ValueError as e:
            print("c1 reraise", repr(e))
    show("c1 out")
    await suspend()
    raise TypeError("c1 t")

c = c1()
c.send(None)
try:
    raise KeyError("driver")
except KeyError:
    c.send(None)
    show("driver after")
try:
    raise KeyError("driver2")
except KeyError:
    try:
        c.send(None)
    except TypeError as e:
        print("c1 ctx", repr(e.__context__))

async def leaf():
    show("leaf")
    await suspend()
    show("leaf resumed")
    raise OSError("leaf")

async def mid():
    try:
        raise ValueError("mid")
    except ValueError:
        try:
            await leaf()
        except OSError as e:
            print("mid got", repr(e), repr(e.__context__))
            show("mid handler")
        show("mid after")

c = mid()
c.send(None)
try:
    raise KeyError("drv")
except KeyError:
    try:
        c.send(None)
    except StopIteration:
        print("mid done")

# asyncio
async def task_a(ev):
    try:
        raise ValueError("a")
    except ValueError:
        await asyncio.sleep(0)
        show("task a after sleep")
        await ev.wait()
        show("task a after wait")
    show("task a out")

async def task_b(ev):
    try:
        raise KeyError("b")
    except KeyError:
        await asyncio.sleep(0)
        show("task b")
        ev.set()
        await asyncio.sleep(0)
        show("task b after set")

async def main():
    ev = asyncio.Event()
    await asyncio.gather(task_a(ev), task_b(ev))
    show("main")
    try:
        raise ZeroDivisionError("main")
    except ZeroDivisionError:
        await asyncio.sleep(0)
        show("main after sleep")
        t = asyncio.ensure_future(task_c())
        await t
        show("main after task")
async def task_c():
    show('task c')

asyncio.run(main())
