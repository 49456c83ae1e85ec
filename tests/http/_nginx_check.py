#!/usr/bin/env python3
"""Tests gilpy's HTTP client against nginx from Debian.

    tests/http/_nginx_check.py --gilpy build/gilpy [--python /usr/bin/python3]

Starts nginx on a free loopback port with a configuration of our own in a
temporary directory, serving static files of several sizes (up to 5 MiB),
then runs _nginx_client.py under gilpy and under CPython (with
python3-aiohttp) and requires the same output. nginx's access log records
each request's connection number, which shows whether gilpy kept its
connections alive. Exits 77 (meson's "skipped") when nginx or CPython's
aiohttp is missing.
"""

import argparse
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

CONF = """\
worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format conn '$connection $request';
    access_log {root}/access.log conn;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    default_type application/octet-stream;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
    }}
}}
"""


def find_nginx():
    for path in ('/usr/sbin/nginx', shutil.which('nginx')):
        if path and os.access(path, os.X_OK):
            return path
    return None


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def write_files(www):
    os.makedirs(www)
    rng = random.Random(6)
    with open(os.path.join(www, 'small.txt'), 'w') as f:
        f.write('hello, nginx\n')
    open(os.path.join(www, 'empty.txt'), 'w').close()
    for name, size in (('64k.bin', 65536), ('1m.bin', 1 << 20), ('5m.bin', 5 << 20)):
        with open(os.path.join(www, name), 'wb') as f:
            f.write(rng.randbytes(size))


def wait_for_port(port, proc, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(('127.0.0.1', port), timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def run_client(interpreter, base):
    proc = subprocess.run([interpreter, os.path.join(HERE, '_nginx_client.py'), base],
                          capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', required=True)
    ap.add_argument('--python', default='/usr/bin/python3')
    args = ap.parse_args()
    nginx = find_nginx()
    if nginx is None:
        print('SKIP: nginx is not installed')
        return 77
    if subprocess.run([args.python, '-c', 'import aiohttp'], capture_output=True).returncode:
        print('SKIP: %s has no aiohttp (install python3-aiohttp)' % args.python)
        return 77

    root = tempfile.mkdtemp(prefix='gilpy-nginx-')
    # nginx's workers may run as another user (nobody, when started by root).
    os.chmod(root, 0o755)
    os.makedirs(os.path.join(root, 'tmp'))
    write_files(os.path.join(root, 'www'))
    port = free_port()
    with open(os.path.join(root, 'nginx.conf'), 'w') as f:
        f.write(CONF.format(root=root, port=port))
    proc = subprocess.Popen([nginx, '-p', root, '-c', os.path.join(root, 'nginx.conf')],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    status = 1
    try:
        if not wait_for_port(port, proc):
            print('FAIL: nginx did not start:', proc.stderr.read().decode() if proc.poll() is not None else '')
            return 1
        base = 'http://127.0.0.1:%d' % port
        rc, expected, err = run_client(args.python, base)
        if rc != 0:
            print('FAIL: the client failed under CPython:\n' + err)
            return 1
        log = os.path.join(root, 'access.log')
        with open(log) as f:
            mark = len(f.readlines())
        rc, actual, err = run_client(args.gilpy, base)
        if rc != 0 or actual != expected:
            print('FAIL: gilpy differs from CPython (exit %d)' % rc)
            print('--- CPython\n' + expected + '--- gilpy\n' + actual + err)
            return 1
        # Keep-alive: gilpy's 100 thread requests (4 threads) and 300
        # concurrent coroutine requests (connector limit 100) for small.txt
        # need about 104 connections; without keep-alive they would use 400.
        with open(log) as f:
            lines = f.readlines()[mark:]
        conns = {line.split()[0] for line in lines if 'small.txt' in line}
        requests = sum('small.txt' in line for line in lines)
        print('gilpy: %d requests for small.txt over %d connections' % (requests, len(conns)))
        if len(conns) * 3 > requests:
            print('FAIL: connections were not kept alive')
            return 1
        print(actual, end='')
        print('PASS')
        status = 0
    finally:
        proc.send_signal(signal.SIGQUIT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(root, ignore_errors=True)
    return status


if __name__ == '__main__':
    sys.exit(main())
