# Tasks started from an empty context: each still has a context of its own
# once it sets a variable, keeps it across awaits, and hands it to children.
import asyncio
import contextvars

user = contextvars.ContextVar('user')
depth = contextvars.ContextVar('depth', default=0)


async def leaf(tag):
    await asyncio.sleep(0)
    return tag, user.get('-'), depth.get()


async def node(name, level):
    before = user.get('-')
    user.set(name)
    depth.set(level)
    await asyncio.sleep(0)
    children = []
    if level < 2:
        children = await asyncio.gather(node(name + '.a', level + 1), node(name + '.b', level + 1))
    snap = contextvars.copy_context()
    mine = (user.get(), depth.get(), before, snap[user], len(snap))
    # Context.run inside a task: its change stays in the copy.
    snap.run(user.set, 'changed-in-copy')
    return mine, user.get(), snap[user], children


async def main():
    print(len(contextvars.copy_context()))
    print(await node('root', 0))
    # Sibling tasks that set the same variable do not meet.
    tasks = [asyncio.create_task(node('t%d' % i, 2)) for i in range(3)]
    print([(await t)[0] for t in tasks])
    # A task that sets nothing sees nothing.
    print(await asyncio.create_task(leaf('plain')))
    # The main task set nothing either, so far.
    print(user.get('unset in main'), len(contextvars.copy_context()))
    user.set('main')
    print(await asyncio.create_task(leaf('after main set')))
    token = depth.set(7)
    depth.reset(token)
    print(depth.get())


asyncio.run(main())
print(user.get('unset at top'))
