"""Starts demos/http_server.py in the background for a demo that was given
no URL; the demo stops it when done (stop_local_server). The server runs
under the same interpreter as the demo when that interpreter can serve (CPython, or gilpy with asyncio
streams), else under python3."""

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


_stoppers = []


def stop_local_server():
    """Stops the servers start_local_server() started."""
    while _stoppers:
        _stoppers.pop()()


def start_local_server():
    """Returns the base URL of a freshly started local server."""
    tag = '/tmp/gilpy_demo_server_%d' % os.getpid()
    python = os.environ.get('GILPY_DEMO_SERVER_PYTHON', sys.executable or 'python3')
    os.system('%s %s --port 0 --parent-pid %d > %s.port 2>%s.err & echo $! > %s.pid'
              % (python, os.path.join(HERE, 'http_server.py'), os.getpid(), tag, tag, tag))
    with open(tag + '.pid') as f:
        pid = int(f.read())

    def stop():
        try:
            os.kill(pid, 15)
        except OSError:
            pass
        for ext in ('.port', '.pid', '.err'):
            try:
                os.remove(tag + ext)
            except OSError:
                pass
    _stoppers.append(stop)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with open(tag + '.port') as f:
                text = f.read()
        except FileNotFoundError:
            text = ''
        if text.endswith('\n'):
            return 'http://127.0.0.1:%s' % text.split()[1]
        time.sleep(0.05)
    if python != 'python3':
        # This interpreter could not run the server: fall back to CPython.
        _stoppers.remove(stop)
        stop()
        os.environ['GILPY_DEMO_SERVER_PYTHON'] = 'python3'
        return start_local_server()
    raise RuntimeError('the local HTTP server did not start')
