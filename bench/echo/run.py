"""Echo benchmark: the same asyncio-streams echo server under gilpy, CPython
asyncio and CPython + uvloop, driven by a C load generator.

    python3 bench/echo/run.py [--gilpy build/gilpy] [--seconds 5] [--rounds 3]
                              [--connections 10] [--sizes 1024,10240,102400]

echo_load.c is compiled with cc into a temporary directory. Each round runs
every server once per message size, alternating servers so that machine
noise spreads evenly; the table shows the best requests/s of the rounds and
the p50/p99 latency of that run. uvloop is used when /usr/bin/python3 can
import it (Debian: apt-get install python3-uvloop); otherwise the script
says so and skips that row.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def build_load(tmp):
    exe = os.path.join(tmp, 'echo_load')
    subprocess.run(['cc', '-O2', '-o', exe, os.path.join(HERE, 'echo_load.c')], check=True)
    return exe


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', default=os.path.join(ROOT, 'build', 'gilpy'))
    ap.add_argument('--seconds', type=float, default=5)
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--connections', type=int, default=10)
    ap.add_argument('--sizes', default='1024,10240,102400')
    args = ap.parse_args()
    servers = [('gilpy', [args.gilpy]), ('cpython asyncio', ['/usr/bin/python3'])]
    has_uvloop = subprocess.run(['/usr/bin/python3', '-c', 'import uvloop'],
                                capture_output=True).returncode == 0
    if has_uvloop:
        servers.append(('cpython + uvloop', ['/usr/bin/python3']))
    else:
        print('uvloop is not installed for /usr/bin/python3 (apt-get install python3-uvloop): '
              'its row is skipped')
    sizes = [int(s) for s in args.sizes.split(',')]
    best = {}
    with tempfile.TemporaryDirectory() as tmp:
        load = build_load(tmp)
        for _ in range(args.rounds):
            for size in sizes:
                for name, cmd in servers:
                    full = cmd + (['#uvloop'] if 'uvloop' in name else [])
                    res = _run(full, load, args.connections, size, args.seconds)
                    key = (name, size)
                    if 'error' in res:
                        print(f'{name} {size}B: {res["error"]}', file=sys.stderr)
                        continue
                    if key not in best or res['requests_per_s'] > best[key]['requests_per_s']:
                        best[key] = res
    print(f'echo, {args.connections} connections, {args.seconds:g} s per run, '
          f'best of {args.rounds} rounds')
    print(f'{"server":18} {"size":>7} {"req/s":>10} {"p50 us":>9} {"p99 us":>9} {"vs uvloop":>9}')
    for size in sizes:
        ref = best.get(('cpython + uvloop', size))
        for name, _ in servers:
            r = best.get((name, size))
            if r is None:
                continue
            ratio = f'{r["requests_per_s"] / ref["requests_per_s"]:.2f}x' if ref else '-'
            print(f'{name:18} {size:>7} {r["requests_per_s"]:>10.0f} {r["p50_us"]:>9.0f} '
                  f'{r["p99_us"]:>9.0f} {ratio:>9}')


def _run(full, load, connections, size, seconds):
    uv = full[-1] == '#uvloop'
    cmd = [c for c in full if c != '#uvloop']
    server = subprocess.Popen(cmd + [os.path.join(HERE, 'server.py')] + (['--uvloop'] if uv else []),
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(server.stdout.readline())
        out = subprocess.run([load, str(port), str(connections), str(size), str(seconds)],
                             capture_output=True, text=True, timeout=seconds + 30)
        if out.returncode != 0:
            return {'error': out.stderr.strip()}
        return json.loads(out.stdout)
    finally:
        server.kill()
        server.wait()


if __name__ == '__main__':
    main()
