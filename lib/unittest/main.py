"""unittest.main(): run a module's tests from the command line.

Design notes
------------
TestProgram does all its work in the constructor, as CPython's does:
parse argv, load the tests (from the given names, from defaultTest, or
every TestCase in the module), run them with the runner, and, unless
exit=False, end the process with sys.exit(0) when the run succeeded and
sys.exit(1) when it did not.

The options are the ones a test script is run with: -v/--verbose,
-q/--quiet, -f/--failfast, -c/--catch, -b/--buffer, --locals and
-k PATTERN, then test names.  They are parsed by hand rather than with
argparse: the set is small and fixed, and a script under test should not
depend on more of the library than it needs.  A -k pattern without a
wildcard matches as a substring of the test's full name.

"python -m unittest" and its "discover" subcommand are not supported.
"""

import os
import sys

from . import loader as _loader, runner as _runner, signals

__unittest = True

_USAGE = """\
usage: %(prog)s [-h] [-v] [-q] [--locals] [-f] [-c] [-b] [-k TESTNAMEPATTERNS]
%(indent)s [tests ...]
"""

_HELP = """
positional arguments:
  tests                a list of any number of test modules, classes and test
                       methods.

options:
  -h, --help           show this help message and exit
  -v, --verbose        Verbose output
  -q, --quiet          Quiet output
  --locals             Show local variables in tracebacks
  -f, --failfast       Stop on first fail or error
  -c, --catch          Catch Ctrl-C and display results so far
  -b, --buffer         Buffer stdout and stderr during tests
  -k TESTNAMEPATTERNS  Only run tests which match the given substring
"""

# Short flags and the attribute each one sets.
_FLAGS = {
    '-v': ('verbosity', 2), '--verbose': ('verbosity', 2),
    '-q': ('verbosity', 0), '--quiet': ('verbosity', 0),
    '-f': ('failfast', True), '--failfast': ('failfast', True),
    '-c': ('catchbreak', True), '--catch': ('catchbreak', True),
    '-b': ('buffer', True), '--buffer': ('buffer', True),
    '--locals': ('tb_locals', True),
}


def _find_module(module):
    # A dotted name is imported and walked down to the last component.
    if not isinstance(module, str):
        return module
    found = __import__(module)
    for attr in module.split('.')[1:]:
        found = getattr(found, attr)
    return found


def _as_pattern(text):
    # Plain text selects by substring; wildcards are taken as they are.
    if '*' in text:
        return text
    return '*%s*' % text


class TestProgram:
    """Loads and runs the tests of a module; see the module notes."""

    module = None
    verbosity = 1
    failfast = catchbreak = buffer = progName = warnings = None
    testNamePatterns = None

    def __init__(self, module='__main__', defaultTest=None, argv=None,
                 testRunner=None, testLoader=_loader.defaultTestLoader,
                 exit=True, verbosity=1, failfast=None, catchbreak=None,
                 buffer=None, warnings=None, *, tb_locals=False):
        self.module = _find_module(module)
        argv = sys.argv if argv is None else argv
        self.exit, self.verbosity, self.tb_locals = exit, verbosity, tb_locals
        # None means "not given": a command-line flag may still set them.
        self.failfast, self.catchbreak, self.buffer = (failfast, catchbreak,
                                                       buffer)
        if warnings is None and not sys.warnoptions:
            # Show deprecation warnings raised by the tests, once each.
            warnings = 'default'
        self.warnings = warnings
        self.defaultTest, self.testRunner, self.testLoader = (
            defaultTest, testRunner, testLoader)
        self.progName = os.path.basename(argv[0])
        self.parseArgs(argv)
        self.runTests()

    def usageExit(self, msg=None):
        """Print [msg] and the help text, then exit with status 2."""
        if msg:
            print(msg)
        self._print_help()
        sys.exit(2)

    def _usage(self):
        prog = self.progName
        return _USAGE % {'prog': prog, 'indent': ' ' * (len(prog) + 6)}

    def _print_help(self):
        print(self._usage() + _HELP % {'prog': self.progName}, end='')

    def _bad_arguments(self, message):
        sys.stderr.write(self._usage())
        sys.stderr.write('%s: error: %s\n' % (self.progName, message))
        sys.exit(2)

    def parseArgs(self, argv):
        """Read options and test names from [argv] (argv[0] is the program
        name), then load the tests."""
        names = []
        args = list(argv[1:])
        while args:
            arg = args.pop(0)
            if arg in ('-h', '--help'):
                self._print_help()
                sys.exit(0)
            if arg in _FLAGS:
                attr, value = _FLAGS[arg]
                # A flag does not override a value given to main().
                if attr in ('verbosity', 'tb_locals') \
                        or getattr(self, attr) is None:
                    setattr(self, attr, value)
            elif arg == '-k' or arg.startswith('-k'):
                pattern = arg[2:]
                if not pattern:
                    if not args:
                        self._bad_arguments('argument -k: expected one '
                                            'argument')
                    pattern = args.pop(0)
                chosen = self.testNamePatterns or []
                self.testNamePatterns = chosen + [_as_pattern(pattern)]
            elif arg == '--':
                names.extend(args)
                break
            elif arg.startswith('-') and arg != '-':
                self._bad_arguments('unrecognized arguments: %s' % arg)
            else:
                names.append(arg)
        for attr in ('failfast', 'catchbreak', 'buffer'):
            if getattr(self, attr) is None:
                setattr(self, attr, False)
        default = self.defaultTest
        if names:
            self.testNames = names
        elif default is None:
            self.testNames = None  # every test of the module
        elif isinstance(default, str):
            self.testNames = (default,)
        else:
            self.testNames = list(default)
        self.createTests()

    def createTests(self, from_discovery=False, Loader=None):
        """Build self.test from the names (or the whole module)."""
        load = self.testLoader
        if self.testNamePatterns:
            load.testNamePatterns = self.testNamePatterns
        if self.testNames is not None:
            self.test = load.loadTestsFromNames(self.testNames, self.module)
        else:
            self.test = load.loadTestsFromModule(self.module)

    def runTests(self):
        if self.catchbreak:
            signals.installHandler()
        chosen = self.testRunner
        if chosen is None:
            chosen = _runner.TextTestRunner
        if isinstance(chosen, type):
            try:
                try:
                    chosen = chosen(verbosity=self.verbosity,
                                    failfast=self.failfast,
                                    buffer=self.buffer,
                                    warnings=self.warnings,
                                    tb_locals=self.tb_locals)
                except TypeError:
                    # An older runner class without tb_locals.
                    chosen = chosen(verbosity=self.verbosity,
                                    failfast=self.failfast,
                                    buffer=self.buffer,
                                    warnings=self.warnings)
            except TypeError:
                chosen = chosen()
        self.result = chosen.run(self.test)
        if self.exit:
            # False and True, as CPython passes them: statuses 0 and 1.
            passed = self.result.wasSuccessful()
            sys.exit(not passed)


main = TestProgram
