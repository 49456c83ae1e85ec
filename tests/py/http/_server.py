"""Starts demos/http_server.py for a test and stops it afterwards.

The server runs under CPython (`python3`, or $GILPY_HTTP_SERVER_PYTHON) so
that these tests exercise the client under test, whichever interpreter runs
the test script; server_under_gilpy.py runs the server under gilpy itself.
The port is chosen by the kernel (--port 0) and read from the server's first
line, so parallel tests never collide and no port appears in any output.
"""

import os
import sys
import time



def _find_server():
    """demos/http_server.py, found by walking up from this file."""
    here = os.path.dirname(os.path.abspath(__file__))
    while True:
        candidate = os.path.join(here, 'demos', 'http_server.py')
        if os.path.exists(candidate):
            return candidate
        parent = os.path.dirname(here)
        if parent == here:
            raise RuntimeError('demos/http_server.py not found')
        here = parent


SERVER = _find_server()


class Server:
    def __init__(self, python=None):
        python = python or os.environ.get('GILPY_HTTP_SERVER_PYTHON', 'python3')
        tag = '/tmp/gilpy_http_test_%d_%d' % (os.getpid(), id(self))
        self._port_file = tag + '.port'
        self._pid_file = tag + '.pid'
        os.system("%s %s --port 0 --parent-pid %d > %s 2>/dev/null & echo $! > %s"
                  % (python, SERVER, os.getpid(), self._port_file, self._pid_file))
        with open(self._pid_file) as f:
            self.pid = int(f.read())
        self.port = None
        deadline = time.monotonic() + 20
        while self.port is None:
            try:
                with open(self._port_file) as f:
                    text = f.read()
            except FileNotFoundError:
                text = ''
            if text.endswith('\n'):
                self.port = int(text.split()[1])
                break
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError('the test server did not start')
            time.sleep(0.02)
        self.base = 'http://127.0.0.1:%d' % self.port

    def url(self, path):
        return self.base + path

    def stop(self):
        try:
            os.kill(self.pid, 15)
        except OSError:
            pass
        for name in (self._port_file, self._pid_file):
            try:
                os.remove(name)
            except OSError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def free_port():
    """A loopback port nothing listens on (for connection-refused tests):
    port 1 needs root to bind, and nothing runs there."""
    return 1


def open_fds():
    """How many file descriptors this process has open."""
    return len(os.listdir('/proc/self/fd'))
