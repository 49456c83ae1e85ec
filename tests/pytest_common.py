"""Shared by tests/run_py_tests.py and tests/py/regen.py.

A behaviour test is a script tests/py/<area>/<name>.py with <name>.expected beside
it. Helper modules imported by tests start with an underscore (_helper.py) or live
in a package directory (one holding __init__.py); they are not tests, and neither
is tests/py/regen.py.

The expected file is the script's stdout as CPython 3.11 printed it, run from the
script's own directory. When the exit status is non-zero, or anything was written
to stderr, a trailer follows:

    --- exit 1
    --- stderr
    <stderr>

Both sides go through normalise_stderr() before comparison: file paths in
`File "..."` lines are cut to their basename. Everything else counts, the
caret lines (^ and ~) under source lines included.
"""

import os
import re

_FILE_RE = re.compile(r'File "([^"]*/)?([^"/]+)"')


def is_test_script(path):
    """True if [path] is a test script rather than a helper module."""
    base = os.path.basename(path)
    if not base.endswith('.py') or base.startswith('_') or base == 'regen.py':
        return False
    if os.path.exists(os.path.join(os.path.dirname(path), '__init__.py')):
        return False
    return True


def find_tests(roots):
    """Every test script under [roots] (files or directories), sorted."""
    found = []
    for root in roots:
        if os.path.isfile(root):
            if root.endswith('.expected'):
                root = root[:-len('.expected')] + '.py'
            found.append(os.path.abspath(root))
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != '__pycache__')
            for name in sorted(filenames):
                full = os.path.join(dirpath, name)
                if is_test_script(full):
                    found.append(os.path.abspath(full))
    return sorted(set(found))


def expected_path(script):
    return script[:-3] + '.expected'


def normalise_stderr(text, script_dir=None):
    """Cut paths in File "..." lines to basenames."""
    if script_dir:
        text = text.replace(script_dir.rstrip('/') + '/', '')
    return _FILE_RE.sub(lambda m: 'File "%s"' % m.group(2), text)


def render(stdout, stderr, status, script_dir=None):
    """The text compared with an .expected file, built from one run of a
    script in [script_dir] (whose absolute path is cut from stderr)."""
    text = stdout
    if status != 0 or stderr:
        if text and not text.endswith('\n'):
            text += '\n'
        text += '--- exit %d\n--- stderr\n' % status
        text += normalise_stderr(stderr, script_dir)
    return text


def normalise_expected(text):
    """Apply the stderr normalisation to an already-rendered expected text."""
    head, sep, tail = text.partition('--- stderr\n')
    if not sep:
        return text
    return head + sep + normalise_stderr(tail)
