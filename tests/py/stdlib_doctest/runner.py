# DocTestRunner and DocTestFinder driven by hand, custom report hooks,
# globs handling, __test__ and TestResults.
import doctest
import os
import types

__file__ = os.path.basename(__file__)

mod = types.ModuleType('fake_mod')
mod.__file__ = 'fake_mod.py'
exec('''
"""
>>> 1 + 1
2
"""
def one():
    """
    >>> one()
    1
    """
    return 1
def bad():
    """
    >>> bad()
    'good'
    """
    return 'bad'
class K:
    """
    >>> K.attr
    'v'
    """
    attr = 'v'
    def method(self):
        """
        >>> K().method() is None
        True
        """
__test__ = {'extra': """
>>> shared
42
"""}
''', mod.__dict__)

finder = doctest.DocTestFinder()
tests = finder.find(mod, globs={'shared': 42, 'one': mod.one, 'bad': mod.bad, 'K': mod.K})
for t in tests:
    print(t.name, len(t.examples), t.filename)

class Collecting(doctest.DocTestRunner):
    def report_start(self, out, test, example):
        out('start %s %r\n' % (test.name, example.source))
    def report_success(self, out, test, example, got):
        out('success %r\n' % got)
    def report_failure(self, out, test, example, got):
        out('failure %r\n' % got)

lines = []
runner = Collecting(verbose=False)
for t in tests:
    print(runner.run(t, out=lines.append))
print(''.join(lines), end='')
print(runner.tries, runner.failures)
print(runner.summarize(verbose=False))
print(runner.summarize(verbose=True))

# The globals are cleared after a run unless asked otherwise.
t = doctest.DocTestParser().get_doctest('>>> y = 3\n>>> y\n3\n', {}, 'globs', None, 0)
r = doctest.DocTestRunner(verbose=False)
print(r.run(t, clear_globs=False), sorted(k for k in t.globs if k != '__builtins__'))
r.run(t)
print(t.globs)

# A test without a file reports "Line N".
t = doctest.DocTestParser().get_doctest('>>> 2\n3\n', {}, 'nofile', None, 0)
doctest.DocTestRunner(verbose=False).run(t)

res = doctest.TestResults(1, 2)
print(res, res.failed, res.attempted, res == (1, 2))

# exclude_empty=False keeps objects without docstrings.
m2 = types.ModuleType('m2')
exec('def f(): pass\ndef g():\n    "text only"\n', m2.__dict__)
print([t.name for t in doctest.DocTestFinder(exclude_empty=False).find(m2)])
print([t.name for t in doctest.DocTestFinder().find(m2)])
print([t.name for t in doctest.DocTestFinder(recurse=False).find(mod)])

# DebugRunner raises at the first problem.
t = doctest.DocTestParser().get_doctest('>>> 1\n2\n', {}, 'dbg', 'x.py', 0)
try:
    doctest.DebugRunner(verbose=False).run(t)
except doctest.DocTestFailure as e:
    print('DocTestFailure', e.example.source, repr(e.got), e.test.name)
t = doctest.DocTestParser().get_doctest('>>> {}["k"]\n', {}, 'dbg2', 'x.py', 0)
try:
    doctest.DebugRunner(verbose=False).run(t)
except doctest.UnexpectedException as e:
    print('UnexpectedException', e.exc_info[0].__name__, e.example.source, end='')
