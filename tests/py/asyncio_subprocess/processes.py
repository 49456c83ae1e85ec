# asyncio child processes: create_subprocess_exec/shell with pipes in every
# combination, communicate() with a big input, readline on a live child,
# kill/terminate/wait, wait_for timeouts, twenty children at once, and the
# argument checks, with the exit statuses and bytes CPython reports.
import asyncio
from asyncio.subprocess import PIPE, STDOUT, DEVNULL

async def main():
    p = await asyncio.create_subprocess_exec('echo', 'hello', 'world', stdout=PIPE)
    out, err = await p.communicate()
    print(repr(out), err, p.returncode, repr(p)[:9])
    p = await asyncio.create_subprocess_exec('cat', stdin=PIPE, stdout=PIPE)
    out, _ = await p.communicate(b'x' * 200000)
    print(len(out), p.returncode)
    p = await asyncio.create_subprocess_shell('echo out; echo err 1>&2; exit 3', stdout=PIPE, stderr=PIPE)
    print(await p.communicate(), p.returncode)
    p = await asyncio.create_subprocess_shell('echo both; echo err2 1>&2', stdout=PIPE, stderr=STDOUT)
    print(await p.communicate())
    p = await asyncio.create_subprocess_exec('sleep', '10')
    p.kill()
    print(await p.wait(), p.returncode)
    p = await asyncio.create_subprocess_exec('sh', '-c', 'read x; echo got $x', stdin=PIPE, stdout=PIPE)
    p.stdin.write(b'line\n'); await p.stdin.drain()
    print(await p.stdout.readline())
    print(await p.wait())
    # many at once
    procs = [await asyncio.create_subprocess_exec('sh', '-c', f'sleep 0.2; echo {i}', stdout=PIPE) for i in range(20)]
    outs = await asyncio.gather(*(q.communicate() for q in procs))
    print([o[0] for o in outs][:3])
    try:
        await asyncio.create_subprocess_exec('/nonexistent/prog')
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno)
    p = await asyncio.create_subprocess_exec('sleep', '5')
    try:
        await asyncio.wait_for(p.wait(), 0.2)
    except asyncio.TimeoutError:
        print('timeout'); p.terminate(); print(await p.wait())
    loop = asyncio.get_running_loop()
    for kw in ({'bufsize': 1}, {'text': True}, {'encoding': 'utf-8'}, {'universal_newlines': True}):
        try:
            await asyncio.create_subprocess_exec('true', **kw)
        except ValueError as e:
            print('ValueError', e)
    try:
        await loop.subprocess_shell(asyncio.SubprocessProtocol, ['ls'])
    except ValueError as e:
        print('ValueError', e)
    p = await asyncio.create_subprocess_exec('sh', '-c', 'exit 7', stdout=DEVNULL)
    print(await p.wait(), p.stdout)

asyncio.run(main())
