"""The test-server helper of tests/py/http (Server, free_port, open_fds),
shared by these tests: the same file, executed here."""
import os

_HELPER = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'py', 'http', '_server.py')
with open(_HELPER) as _f:
    exec(compile(_f.read(), _HELPER, 'exec'))
