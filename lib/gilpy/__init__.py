"""gilpy's own API: what gilpy offers beyond CPython's standard library.

Submodules:
    gilpy.aio   awaitable file I/O for coroutines, served by libuv's
                threadpool on the running asyncio loop (see docs/files.md).

`import gilpy` fails under CPython; code that wants to run on both tries the
import and falls back (for files: asyncio.to_thread around ordinary I/O).
"""

implementation = 'gilpy'
