#!/usr/bin/env python3
"""Soak: RSS and open fds stay flat under load.

    tests/soak/soak.py --gilpy build/gilpy [--minutes 3] [--json out.json]

Runs two gilpy processes for a bounded time and samples each one's resident
memory (VmRSS) and open file descriptors (/proc/PID/fd) every second:

  - an asyncio-streams echo server (bench/echo/server.py) kept busy by the
    C load generator (bench/echo/echo_load.c), reconnecting every burst, so
    connections are opened and closed all the time;
  - a client loop (the script below) that, in each round, opens connections
    to a local asyncio server it runs itself, exchanges messages with
    threads (socket) and coroutines (streams), creates and cancels tasks,
    and starts and joins threads - the churn that leaks when a refcount,
    a uv handle or an fd is wrong. When the HTTP client is available it also
    fetches from demos/http_server.py.

After a warm-up (the first third), the growth of RSS and of the fd count up
to the end is reported for each process; the script fails (exit 1) when RSS
grew more than 10% or the fd count grew at all. Not part of `make test`
(it takes minutes); docs/reliability.md records its figures.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

CLIENT = r'''
import asyncio, socket, sys, threading, time

async def handle(reader, writer):
    while True:
        data = await reader.read(4096)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    writer.close()

async def round_trip(port, n):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for _ in range(n):
        writer.write(b'x' * 512)
        await writer.drain()
        await reader.readexactly(512)
    writer.close()
    await writer.wait_closed()

def thread_client(port):
    with socket.create_connection(('127.0.0.1', port)) as s:
        for _ in range(20):
            s.sendall(b'y' * 256)
            got = b''
            while len(got) < 256:
                got += s.recv(256 - len(got))

async def sleeper():
    await asyncio.sleep(10)

async def main(deadline):
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    rounds = 0
    while time.monotonic() < deadline:
        await asyncio.gather(*(round_trip(port, 20) for _ in range(20)))
        threads = [threading.Thread(target=thread_client, args=(port,)) for _ in range(8)]
        for t in threads:
            t.start()
        await asyncio.to_thread(lambda: [t.join() for t in threads])
        tasks = [asyncio.create_task(sleeper()) for _ in range(500)]
        await asyncio.sleep(0)
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        rounds += 1
    server.close()
    await server.wait_closed()
    print('rounds', rounds, flush=True)

asyncio.run(main(time.monotonic() + float(sys.argv[1])))
'''


def sample(pid):
    try:
        with open('/proc/%d/status' % pid) as f:
            rss = next(int(line.split()[1]) for line in f if line.startswith('VmRSS:'))
        fds = len(os.listdir('/proc/%d/fd' % pid))
        return rss, fds
    except (OSError, StopIteration):
        return None


def watch(name, proc, samples, stop):
    while not stop.is_set() and proc.poll() is None:
        s = sample(proc.pid)
        if s:
            samples.append((time.monotonic(), s[0], s[1]))
        time.sleep(1)


def summarise(name, samples):
    if len(samples) < 6:
        return {'name': name, 'error': 'too few samples (%d)' % len(samples)}
    warm = samples[len(samples) // 3]
    last = samples[-1]
    peak_rss = max(s[1] for s in samples[len(samples) // 3:])
    return {
        'name': name, 'samples': len(samples),
        'rss_kb_after_warmup': warm[1], 'rss_kb_end': last[1], 'rss_kb_peak_after_warmup': peak_rss,
        'rss_growth_pct': round(100.0 * (last[1] - warm[1]) / warm[1], 1),
        'fds_after_warmup': warm[2], 'fds_end': last[2],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', required=True)
    ap.add_argument('--minutes', type=float, default=3)
    ap.add_argument('--json')
    args = ap.parse_args()
    seconds = args.minutes * 60
    with tempfile.TemporaryDirectory() as tmp:
        load = os.path.join(tmp, 'echo_load')
        subprocess.run(['cc', '-O2', '-o', load, os.path.join(ROOT, 'bench', 'echo', 'echo_load.c')],
                       check=True)
        client_py = os.path.join(tmp, 'client.py')
        with open(client_py, 'w') as f:
            f.write(CLIENT)
        server = subprocess.Popen([args.gilpy, os.path.join(ROOT, 'bench', 'echo', 'server.py')],
                                  stdout=subprocess.PIPE, text=True)
        port = int(server.stdout.readline())
        client = subprocess.Popen([args.gilpy, client_py, str(seconds)], stdout=subprocess.PIPE,
                                  text=True)
        stop = threading.Event()
        server_samples, client_samples = [], []
        watchers = [threading.Thread(target=watch, args=('server', server, server_samples, stop)),
                    threading.Thread(target=watch, args=('client', client, client_samples, stop))]
        for w in watchers:
            w.start()
        deadline = time.monotonic() + seconds
        bursts = 0
        while time.monotonic() < deadline:
            burst = min(5.0, max(0.5, deadline - time.monotonic()))
            subprocess.run([load, str(port), '10', '1024', str(burst)], capture_output=True)
            bursts += 1
        out, _ = client.communicate(timeout=120)
        stop.set()
        for w in watchers:
            w.join()
        server.kill()
        server.wait()
    report = {'minutes': args.minutes, 'load_bursts': bursts, 'client_output': out.strip(),
              'client_status': client.returncode,
              'processes': [summarise('echo server', server_samples),
                            summarise('client loop', client_samples)]}
    print(json.dumps(report, indent=2))
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(report, f, indent=2)
    ok = client.returncode == 0
    for p in report['processes']:
        if 'error' in p or p['rss_growth_pct'] > 10 or p['fds_end'] > p['fds_after_warmup']:
            ok = False
    print('soak:', 'flat' if ok else 'GROWTH OR FAILURE')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
