#!/usr/bin/env python3
"""HTTP benchmarks, gilpy beside CPython, in one run (issue 6's targets).

    bench/http/run.py [--gilpy build/gilpy] [--python /usr/bin/python3] [--runs 3]

Starts a delay server for the /delay workloads and nginx (our own config,
loopback, keep-alive) for the small-body workloads,
then runs bench/http/client.py under each interpreter, alternating runs so
machine noise hits both alike, and prints the median of each figure:

  1,000 concurrent /delay/100 with asyncio        target: gilpy <= 0.5 s
  100 threads each fetching /delay/100 (urllib)   target: gilpy <= 1.5 s
  small body, 50 concurrent, keep-alive, asyncio  target: gilpy >= 3x CPython+aiohttp
  small body, 50 threads, urllib                  target: gilpy >= 3x CPython+urllib

The delay server is bench/http/delay_server.c (libuv, compiled here with
cc): a thousand connections arriving at once must measure the client, and
the Python test server, accepting and parsing in Python, was the bottleneck.
Without a C compiler demos/http_server.py runs under gilpy instead (the
faster of the two interpreters here); the table says which server it was.
The asyncio /delay client uses TCPConnector(limit=0): the target is 1,000
fetches *at once*, which aiohttp's default limit of 100 would turn into ten
waves of 100 ms. Run the whole script under `chrt -f 10` so the servers
(children) get the same scheduling as the clients on a loaded machine.

CPython needs python3-aiohttp. Without nginx the small-body rows are skipped.
Timings are measurements, not tests: the machine may be shared and noisy.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'http'))

WORKLOADS = [
    ('delay_async', 'server', 1000, 1000),
    ('delay_threads', 'server', 100, 100),
    ('small_async', 'nginx', 5000, 50),
    ('small_threads', 'nginx', 2000, 50),
]


def start_server(gilpy):
    """The delay server: the C one if it compiles, else the Python one
    under gilpy. Returns (process, base URL, description, temp dir)."""
    import tempfile
    tmp = tempfile.mkdtemp(prefix='gilpy-bench-delay-')
    exe = os.path.join(tmp, 'delay_server')
    built = subprocess.run(['cc', '-O2', '-o', exe, os.path.join(HERE, 'delay_server.c'), '-luv'],
                           capture_output=True).returncode == 0
    if built:
        cmd, what = [exe], 'bench/http/delay_server.c (libuv)'
    else:
        cmd = [gilpy, os.path.join(ROOT, 'demos', 'http_server.py'), '--port', '0',
               '--parent-pid', str(os.getpid())]
        what = 'demos/http_server.py under gilpy'
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    port = int(proc.stdout.readline().split()[1])
    return proc, 'http://127.0.0.1:%d' % port, what, tmp


def start_nginx():
    import _nginx_check as nc
    import tempfile
    nginx = nc.find_nginx()
    if nginx is None:
        return None, None, None
    root = tempfile.mkdtemp(prefix='gilpy-bench-nginx-')
    os.chmod(root, 0o755)
    os.makedirs(os.path.join(root, 'tmp'))
    nc.write_files(os.path.join(root, 'www'))
    port = nc.free_port()
    conf = nc.CONF.format(root=root, port=port).replace(
        'access_log %s/access.log conn;' % root, 'access_log off;')
    with open(os.path.join(root, 'nginx.conf'), 'w') as f:
        f.write(conf)
    proc = subprocess.Popen([nginx, '-p', root, '-c', os.path.join(root, 'nginx.conf')],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not nc.wait_for_port(port, proc):
        return None, None, root
    return proc, 'http://127.0.0.1:%d' % port, root


def run_client(interpreter, mode, base, n, conc):
    proc = subprocess.run([interpreter, os.path.join(HERE, 'client.py'), mode, base, str(n),
                           str(conc)], capture_output=True, text=True, timeout=600)
    for line in proc.stdout.splitlines():
        if line.startswith('result '):
            return json.loads(line[7:])
    sys.stderr.write('%s %s failed:\n%s\n' % (interpreter, mode, proc.stderr[-2000:]))
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', default=os.path.join(ROOT, 'build', 'gilpy'))
    ap.add_argument('--python', default='/usr/bin/python3')
    ap.add_argument('--runs', type=int, default=3)
    args = ap.parse_args()

    server, server_url, server_what, server_tmp = start_server(args.gilpy)
    print('delay server: %s' % server_what)
    nginx, nginx_url, nginx_root = start_nginx()
    rows = []
    try:
        for mode, target, n, conc in WORKLOADS:
            base = server_url if target == 'server' else nginx_url
            if base is None:
                print('%s: skipped (no nginx)' % mode)
                continue
            results = {'gilpy': [], 'cpython': []}
            for _ in range(args.runs):
                for name, interp in (('gilpy', args.gilpy), ('cpython', args.python)):
                    r = run_client(interp, mode, base, n, conc)
                    if r:
                        results[name].append(r)
            row = [mode, n, conc]
            for name in ('gilpy', 'cpython'):
                rs = results[name]
                if not rs:
                    row += [None] * 4
                    continue
                row += [statistics.median(r['wall_s'] for r in rs),
                        statistics.median(r['req_per_s'] for r in rs),
                        statistics.median(r['p50_ms'] for r in rs),
                        statistics.median(r['p99_ms'] for r in rs)]
            rows.append(row)
    finally:
        server.terminate()
        server.wait()
        import shutil
        shutil.rmtree(server_tmp, ignore_errors=True)
        if nginx is not None:
            nginx.terminate()
            nginx.wait()
        if nginx_root:
            import shutil
            shutil.rmtree(nginx_root, ignore_errors=True)

    print('| workload | n | conc | gilpy s | gilpy req/s | gilpy p50/p99 ms '
          '| CPython s | CPython req/s | CPython p50/p99 ms | gilpy/CPython req/s |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    for r in rows:
        def f(x, fmt):
            return '-' if x is None else fmt % x
        ratio = '-' if r[4] is None or r[8] is None else '%.2fx' % (r[4] / r[8])
        print('| %s | %d | %d | %s | %s | %s/%s | %s | %s | %s/%s | %s |' % (
            r[0], r[1], r[2], f(r[3], '%.3f'), f(r[4], '%.0f'), f(r[5], '%.1f'),
            f(r[6], '%.1f'), f(r[7], '%.3f'), f(r[8], '%.0f'), f(r[9], '%.1f'),
            f(r[10], '%.1f'), ratio))


if __name__ == '__main__':
    main()
