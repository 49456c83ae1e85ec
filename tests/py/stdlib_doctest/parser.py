# DocTestParser, Example, DocTest and OutputChecker used directly.
import doctest

text = '''
Some prose.

    >>> x = [1,
    ...      2]
    >>> x
    [1, 2]

More prose.
>>> print('a')   # doctest: +ELLIPSIS, -NORMALIZE_WHITESPACE
a
>>> # only a comment
>>> raise ValueError('v')
Traceback (most recent call last):
ValueError: v
'''
parser = doctest.DocTestParser()
for piece in parser.parse(text, 'sample'):
    if isinstance(piece, doctest.Example):
        print('Example', repr(piece.source), repr(piece.want), piece.lineno,
              piece.indent, piece.options, repr(piece.exc_msg))
    else:
        print('Text', repr(piece))
examples = parser.get_examples(text)
print(len(examples))
test = parser.get_doctest(text, {'g': 1}, 'sample', 'sample.txt', 10)
print(test, test.name, test.filename, test.lineno, sorted(test.globs))
print(doctest.DocTest([], {}, 'empty', None, None, ''))
print(doctest.DocTest(examples[:1], {}, 'one', 'f.py', 3, ''))
ex = doctest.Example('1+1', '2')
print(repr(ex.source), repr(ex.want), ex.exc_msg, ex.lineno, ex.options)
print(ex == doctest.Example('1+1\n', '2\n'), ex == doctest.Example('1', '2'))

for bad in ('>>>1', '  >>> x = 1\n ... y', '>>> 1  # doctest: +NOPE',
            '>>> 1  # doctest: ELLIPSIS', '>>> # doctest: +ELLIPSIS',
            '    >>> 1\n   2'):
    try:
        parser.parse(bad, 'bad')
        print('parsed', repr(bad))
    except ValueError as e:
        print('ValueError:', e)

checker = doctest.OutputChecker()
print(checker.check_output('1\n', 'True\n', 0),
      checker.check_output('a  b\n', 'a b\n', doctest.NORMALIZE_WHITESPACE),
      checker.check_output('a...z\n', 'abcz\n', doctest.ELLIPSIS),
      checker.check_output('a...z\n', 'abc\n', doctest.ELLIPSIS),
      checker.check_output('...\n', 'anything\n', doctest.ELLIPSIS),
      checker.check_output('x...y...z\n', 'xyz\n', doctest.ELLIPSIS),
      checker.check_output('ab...ba\n', 'aba\n', doctest.ELLIPSIS))
print(checker.output_difference(doctest.Example('f()', 'a\n'), 'b\n', 0), end='')
print(checker.output_difference(doctest.Example('f()', ''), '', 0), end='')
print(checker.output_difference(doctest.Example('f()', 'x\n'), '\n', 0), end='')
print(doctest.script_from_examples(text), end='')
