# AsyncMock: awaiting, await counts and the assert_awaited family.
import asyncio
import inspect
from unittest.mock import AsyncMock, MagicMock, Mock, call, patch

def attempt(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
        print('passed')
    except AssertionError as e:
        print('AssertionError:', e)

async def main():
    am = AsyncMock(return_value=5)
    print(inspect.iscoroutinefunction(am))
    coro = am(1, x=2)
    print(inspect.iscoroutine(coro), am.call_count, am.await_count)
    print(await coro, am.await_count, am.await_args)
    attempt(am.assert_awaited)
    attempt(am.assert_awaited_once)
    attempt(am.assert_awaited_with, 1, x=2)
    attempt(am.assert_awaited_with, 2)
    attempt(am.assert_awaited_once_with, 1, x=2)
    attempt(am.assert_any_await, 1, x=2)
    attempt(am.assert_any_await, 9)
    attempt(am.assert_not_awaited)
    await am(3)
    attempt(am.assert_awaited_once)
    attempt(am.assert_has_awaits, [call(1, x=2), call(3)])
    attempt(am.assert_has_awaits, [call(3), call(1, x=2)])
    attempt(am.assert_has_awaits, [call(3), call(1, x=2)], any_order=True)
    attempt(am.assert_has_awaits, [call(4)], any_order=True)
    print(am.await_args_list)
    am.reset_mock()
    print(am.await_count, am.await_args, am.await_args_list)

    fresh = AsyncMock(name='fresh')
    attempt(fresh.assert_awaited)
    attempt(fresh.assert_awaited_with, 1)
    fresh().close()  # called but never awaited
    attempt(fresh.assert_called_once)
    attempt(fresh.assert_not_awaited)

    effects = AsyncMock(side_effect=[1, ValueError('v')])
    print(await effects())
    try:
        await effects()
    except ValueError as e:
        print('ValueError', e)
    try:
        await effects()
    except StopAsyncIteration:
        print('StopAsyncIteration')

    async def coro_effect(v):
        return v + 100
    print(await AsyncMock(side_effect=coro_effect)(1))
    print(await AsyncMock(side_effect=lambda v: v * 3)(2))

    # children are async too; the result of awaiting a bare mock is a MagicMock
    parent = AsyncMock()
    print(type(parent.child).__name__, type(await parent.child()).__name__)

    # MagicMock supports async context managers and async iteration
    mm = MagicMock()
    async with mm as entered:
        print(type(entered).__name__)
    mm.__aiter__.return_value = [1, 2, 3]
    print([x async for x in mm])

    # a spec with coroutine functions makes async children
    class Service:
        async def fetch(self):
            return 1
        def sync(self):
            return 2
    s = Mock(spec=Service)
    print(type(s.fetch).__name__, type(s.sync).__name__)

    async def target():
        return 'real'
    with patch(__name__ + '.target_fn') as p:
        print(type(p).__name__)
        p.return_value = 'patched'
        print(await target_fn())

async def target_fn():
    return 'real'

asyncio.run(main())
