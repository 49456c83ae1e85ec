# A failed task whose exception nobody retrieved is reported on stderr when
# it is destroyed; a retrieved one is not.
import asyncio


async def fail(msg):
    raise ValueError(msg)


async def main():
    quiet = asyncio.create_task(fail('retrieved'))
    loud = asyncio.create_task(fail('never retrieved'))
    await asyncio.sleep(0.01)
    print(quiet.exception())
    print(loud.done())

asyncio.run(main())
print('end')
