"""Entry point for "python -m unittest NAME ...".

The names on the command line are dotted paths to modules, classes or
test methods; each is imported and loaded.  Test discovery (running with
no names) is not supported, so a bare "python -m unittest" prints the
usage text and exits with status 2.
"""

import sys

from .main import TestProgram

# Show "python -m unittest" in the usage text, not this module's file name.
sys.argv[0] = 'python -m unittest'

if len(sys.argv) < 2 or all(arg.startswith('-') for arg in sys.argv[1:]):
    if not any(arg in ('-h', '--help') for arg in sys.argv[1:]):
        sys.stderr.write('%s: give the tests to run (discovery is not '
                         'supported)\n' % sys.argv[0])
        sys.exit(2)

TestProgram(module=None)
