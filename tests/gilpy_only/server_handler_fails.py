# A client_connected_cb that raises or is cancelled must not leave its client
# waiting forever: gilpy closes the connection (as CPython 3.12 does; 3.11
# leaves a cancelled handler's client hanging), the client reads EOF, and the
# failure is still reported through the exception handler.
import asyncio
import sys


async def failing(reader, writer):
    await reader.readline()
    raise ValueError("handler broke")


async def cancelled(reader, writer):
    await reader.readline()
    raise asyncio.CancelledError


async def talk(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hi\n")
    reply = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    return reply


async def main():
    seen = []
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, ctx: seen.append(type(ctx.get("exception")).__name__))
    for handler in (failing, cancelled):
        server = await asyncio.start_server(handler, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        print(handler.__name__, await talk(port))
        server.close()
        await server.wait_closed()
    return seen


print(asyncio.run(main()))
