# The shlex class: token streams in both modes, attributes, push_token,
# punctuation_chars, line numbers, error_leader and push_source.
import shlex
import io

def tokens(text, **kwargs):
    options = {k: kwargs.pop(k) for k in list(kwargs) if k in ('whitespace_split', 'commenters',
                                                                 'wordchars', 'quotes')}
    lex = shlex.shlex(text, **kwargs)
    for name, value in options.items():
        setattr(lex, name, value)
    try:
        return list(lex)
    except ValueError as e:
        return 'ValueError: %s' % e

samples = [
    'a b c',
    'foo(bar, baz);',
    'x = 1 + 2*y',
    'if [ -f "file name" ]; then echo ok; fi',
    "say 'hello world' # comment here\nnext line",
    'a && b || c; d | e > f 2>&1',
    'path/to/file.txt ~/home *.py a=b',
    '"quoted"word and\'single\'',
    'esc\\ aped',
    '((a))',
    '3.14 -5 +6',
    '',
]
for text in samples:
    print(repr(text))
    print('   classic         ', tokens(text))
    print('   posix           ', tokens(text, posix=True))
    print('   classic split   ', tokens(text, whitespace_split=True))
    print('   posix punct     ', tokens(text, posix=True, punctuation_chars=True))
    print('   classic punct   ', tokens(text, punctuation_chars=True))
    print('   punct split     ', tokens(text, posix=True, punctuation_chars=True,
                                        whitespace_split=True))
    print('   custom punct    ', tokens(text, posix=True, punctuation_chars='=;'))

lex = shlex.shlex('alpha beta gamma')
print(lex.get_token(), lex.get_token())
lex.push_token('pushed')
print(lex.get_token(), lex.get_token(), repr(lex.get_token()), repr(lex.get_token()))
lex = shlex.shlex('one', posix=True)
print(lex.get_token(), lex.get_token(), lex.eof)
print(repr(shlex.shlex('x').eof), shlex.shlex('x', posix=True).eof)

lex = shlex.shlex('first\nsecond\n\nthird', infile='input.sh')
for tok in lex:
    print(tok, lex.lineno, lex.error_leader())
print(lex.error_leader('other.sh', 42), lex.error_leader(lineno=7))
print(shlex.shlex(io.StringIO('from a stream')).get_token())

lex = shlex.shlex('a b', posix=True)
print(repr(lex.commenters), repr(lex.whitespace), repr(lex.quotes), repr(lex.escape),
      repr(lex.escapedquotes), lex.whitespace_split, lex.lineno, repr(lex.token),
      lex.source, lex.debug, repr(lex.punctuation_chars), lex.infile)
print(len(lex.wordchars), len(shlex.shlex('').wordchars))
lex = shlex.shlex('', punctuation_chars=True)
print(repr(lex.punctuation_chars), '~' in lex.wordchars, '(' in lex.wordchars)
lex = shlex.shlex('', punctuation_chars='.:')
print(repr(lex.punctuation_chars), '.' in lex.wordchars, '~' in lex.wordchars)
try:
    lex.punctuation_chars = 'x'
except AttributeError as e:
    print('AttributeError')

lex = shlex.shlex('start include middle end', posix=True)
lex.source = 'include'
lex.sourcehook = lambda name: ('<%s>' % name, io.StringIO('inner1 inner2'))
print(list(lex))
lex = shlex.shlex('a b c')
lex.push_source('x y')
print(list(lex))
lex = shlex.shlex('a;b', posix=True)
lex.wordchars += ';'
print(list(lex))
lex = shlex.shlex('a:b:c', posix=True)
lex.whitespace = ':'
lex.whitespace_split = True
print(list(lex))
lex = shlex.shlex("x 'y z' \"w\"", posix=True)
lex.quotes = '"'
print(list(lex))
lex = shlex.shlex('a %comment\nb', posix=True)
lex.commenters = '%'
print(list(lex))
