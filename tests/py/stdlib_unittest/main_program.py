# unittest.main(): argv parsing (-v, -q, -k, -f, test names), defaultTest,
# exit=False, and the exit status through SystemExit.
import io
import re
import sys
import unittest


class Alpha(unittest.TestCase):
    def test_one(self):
        pass

    def test_two(self):
        self.assertEqual('a', 'b')

    def test_three(self):
        pass


class Beta(unittest.TestCase):
    def test_only(self):
        pass


def invoke(argv, **kwargs):
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream,
                                     verbosity=kwargs.pop('verbosity', 1))
    print('>>>', argv, kwargs)
    try:
        program = unittest.main(module='__main__', argv=argv,
                                testRunner=runner, **kwargs)
    except SystemExit as exc:
        print('exit code:', exc.code)
    else:
        print('no exit; run =', program.result.testsRun,
              'ok =', program.result.wasSuccessful())
    text = re.sub(r'in \d+\.\d+s', 'in X.XXXs', stream.getvalue())
    text = re.sub(r'File "[^"]*/', 'File "', text)
    print(text, end='')


invoke(['prog', 'Beta'])
invoke(['prog', 'Alpha.test_one', 'Beta.test_only'], exit=False)
invoke(['prog', 'Alpha'])
invoke(['prog', '-k', 'one'])
invoke(['prog', '-kthree'], exit=False)
invoke(['prog'], defaultTest='Beta')
invoke(['prog'], defaultTest=['Beta', 'Alpha.test_three'], exit=False)


class Verbose(unittest.TextTestRunner):
    # A runner class (not an instance) gets the parsed options.
    def __init__(self, **kwargs):
        print('runner options:', sorted(kwargs.items()))
        kwargs['stream'] = io.StringIO()
        super().__init__(**kwargs)


for argv in (['prog', '-v', 'Beta'], ['prog', '-q', '-f', 'Beta'],
             ['prog', '--verbose', '--buffer', 'Beta']):
    try:
        unittest.main(argv=argv, testRunner=Verbose)
    except SystemExit as exc:
        print(argv, 'exit code:', exc.code)

program = unittest.main(argv=['prog', 'Beta'], testRunner=Verbose,
                        exit=False, verbosity=2)
print(type(program.result).__name__, program.result.testsRun)
print(unittest.main is unittest.TestProgram)
sys.stdout.flush()
