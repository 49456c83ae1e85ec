# asyncio and inspect tell coroutine functions from mocks and partials:
# a Mock answers every attribute, so a check that probes attributes must
# not loop or be fooled by it.
import asyncio
import functools
import inspect
from unittest import mock


async def fetch(x, y):
    return x + y


def plain(x):
    return x


for label, obj in [
    ('async def', fetch),
    ('partial of async def', functools.partial(fetch, 1)),
    ('partial of partial', functools.partial(functools.partial(fetch, 1), 2)),
    ('plain', plain),
    ('partial of plain', functools.partial(plain, 1)),
    ('Mock', mock.Mock()),
    ('MagicMock', mock.MagicMock()),
    ('AsyncMock', mock.AsyncMock()),
    ('Mock(spec=fetch)', mock.Mock(spec=fetch)),
]:
    print(label, asyncio.iscoroutinefunction(obj), inspect.iscoroutinefunction(obj))


async def main():
    m = mock.AsyncMock(return_value=5)
    pending = m(2)
    print(await m(1), m.await_count, asyncio.iscoroutine(pending))
    pending.close()

asyncio.run(main())
