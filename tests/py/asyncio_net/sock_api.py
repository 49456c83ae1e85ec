# loop.sock_* with socket.socketpair and a listening socket; add_reader and
# add_writer on a pipe.
import asyncio
import os
import socket


async def main():
    loop = asyncio.get_running_loop()

    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b'ping')
    print('sock_recv', await loop.sock_recv(b, 100))
    task = asyncio.create_task(loop.sock_recv(b, 100))
    await asyncio.sleep(0.01)
    print('waiting', task.done())
    await loop.sock_sendall(a, b'late')
    print('sock_recv after wait', await task)
    buf = bytearray(8)
    await loop.sock_sendall(a, b'into')
    n = await loop.sock_recv_into(b, buf)
    print('sock_recv_into', n, bytes(buf[:n]))
    big = b'z' * (1 << 20)
    reader = asyncio.create_task(loop.sock_recv(b, 1))
    sender = asyncio.create_task(loop.sock_sendall(a, big))
    got = await reader
    total = len(got)
    while total < len(big):
        total += len(await loop.sock_recv(b, 65536))
    await sender
    print('sendall 1 MiB', total)
    a.close()
    print('recv after peer close', await loop.sock_recv(b, 10))
    b.close()

    # A cancelled sock_recv leaves nothing behind: a new one works.
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    task = asyncio.create_task(loop.sock_recv(b, 10))
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('sock_recv cancelled')
    await loop.sock_sendall(a, b'again')
    print(await loop.sock_recv(b, 10))
    a.close()
    b.close()

    # sock_connect / sock_accept.
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen()
    listener.setblocking(False)
    port = listener.getsockname()[1]
    client = socket.socket()
    client.setblocking(False)
    accept = asyncio.create_task(loop.sock_accept(listener))
    await loop.sock_connect(client, ('127.0.0.1', port))
    conn, addr = await accept
    print('accepted from', addr[0], conn.getpeername() == client.getsockname())
    await loop.sock_sendall(client, b'over tcp')
    print(await loop.sock_recv(conn, 100))
    conn.close()
    client.close()
    listener.close()
    refused = socket.socket()
    refused.setblocking(False)
    try:
        await loop.sock_connect(refused, ('127.0.0.1', port))
    except ConnectionRefusedError as e:
        print(type(e).__name__, str(e).replace(str(port), 'PORT'))
    refused.close()

    # add_reader / remove_reader on a pipe.
    r, w = os.pipe()
    got = loop.create_future()

    def on_readable():
        data = os.read(r, 100)
        print('reader callback', data)
        if not got.done():
            got.set_result(data)

    loop.add_reader(r, on_readable)
    os.write(w, b'through the pipe')
    await got
    print('remove_reader', loop.remove_reader(r), loop.remove_reader(r))
    writable = loop.create_future()
    loop.add_writer(w, lambda: writable.done() or writable.set_result('writable'))
    print(await writable)
    print('remove_writer', loop.remove_writer(w), loop.remove_writer(w))
    os.close(r)
    os.close(w)
    try:
        loop.add_reader(-1, print)
    except ValueError as e:
        print('ValueError', e)
    try:
        loop.add_reader('nope', print)
    except ValueError as e:
        print('ValueError', e)


asyncio.run(main())
