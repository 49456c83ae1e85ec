# re.error messages and attributes.
import re

bad = ['(a', 'a)', '*a', 'a**', 'a{3}{2}', '[a', '[]', '\\q', 'a\\', '[z-a]', '[\\d-z]',
       'a{2,1}', '(?P<1a>x)', '(?P<a>x)(?P<a>y)', '(?P=b)', '(a\\1)', '\\2', '(?<=a+)',
       '(?z)', '(?<x)', 'a(?i)', '(?P<a', '(?P<>x)', '(?#abc', '(?', '(?iz)', '(?-i)a',
       '\\x1', '^*', '(?(1)a|b)', 'x|*']
for p in bad:
    try:
        re.compile(p)
        print(repr(p), 'compiled?!')
    except re.error as e:
        print(repr(p), '->', e, '|', e.msg, e.pos)

try:
    re.compile('a\n(b')
except re.error as e:
    print(e, e.lineno, e.colno, repr(e.pattern))

print(issubclass(re.error, Exception), re.error.__name__)

for repl in [r'\9', r'\g<x>', r'\g<1', r'\g<>', 'a\\', r'\q', r'\g<a-b>']:
    try:
        re.sub('(a)', repl, 'a')
    except (re.error, IndexError) as e:
        print(repr(repl), type(e).__name__, e)

try:
    re.compile('(')
except re.error as e:
    print(type(e).__module__, isinstance(e, Exception))
