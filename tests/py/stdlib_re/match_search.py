# re.match / search / fullmatch and the Match object.
import re

m = re.match(r'(\w+) (\w+)', 'Isaac Newton, physicist')
print(m)
print(m.group(0), m.group(1), m.group(2), m.group(1, 2))
print(m[0], m[1], m[2])
print(m.groups(), m.span(), m.span(2), m.start(1), m.end(1))
print(m.pos, m.endpos, m.lastindex, m.lastgroup, m.re, m.string)
print(m.regs)
print(re.match('b', 'abc'), re.search('b', 'abc'))
print(re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'))
print(re.fullmatch(r'a|ab', 'ab'))
print(re.search(r'\d+', 'abc 42 def 7').group())
print(bool(re.match('', 'x')))

m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Malcolm Reynolds')
print(m.group('first'), m['last'], m.groupdict(), m.lastgroup)
print(m.start('last'), m.end('last'), m.span('first'))

m = re.match(r'(a)(b)?(c)?', 'a')
print(m.groups(), m.groups('-'), m.group(2), m.span(2), m.start(3))
print(re.match(r'(?P<x>a)(?P<y>b)?', 'a').groupdict('?'))

for bad in (3, 'nope', -1):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)

p = re.compile(r'\d+')
print(p.match('ab12', 2), p.search('12ab34', 2), p.match('1234', 1, 3))
print(p.search('123', 5), p.match('abc', -3), p.fullmatch('a12b', 1, 3))
m = p.search('xx99yy', 1, 4)
print(m.pos, m.endpos, m.group())
print(re.match(r'(a)|(b)', 'b').lastindex, re.match(r'((a)b)', 'ab').lastindex)
print(re.match('x*', 'xxx').expand(r'[\g<0>]'))
m = re.match(r'(\w+)@(\w+)\.com', 'joe@site.com')
print(m.expand(r'\2: \1'), m.expand(r'\g<1>-\g<2>'))
