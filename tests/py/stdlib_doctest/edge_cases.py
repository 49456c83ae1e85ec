"""
>>> raise ValueError('x')
Traceback (innermost last):
ValueError: x
>>> print('é ü')
é ü
>>> def g():
...     raise KeyError(1)
>>> g()
Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
KeyError: 1
>>> print()
<BLANKLINE>
>>> x = [1,
...      2]; x
[1, 2]
>>> print('trailing   ')
trailing
"""
# Edge cases: 'innermost last' tracebacks, unicode, nested def, <BLANKLINE>,
# trailing blanks, testmod's TypeError, script_from_examples.
import doctest, os
__file__ = os.path.basename(__file__)
print(doctest.testmod(verbose=True))
try:
    doctest.testmod(5)
except TypeError as e:
    print(e)
class NotMod: pass
print(repr(doctest.DocTestFinder().find(NotMod, module=False)))
print(doctest.script_from_examples(__doc__))
