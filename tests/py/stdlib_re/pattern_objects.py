# Pattern objects, flags, bytes patterns, escape and purge.
import re

p = re.compile(r'(?P<key>\w+)=(?P<val>\d+)', re.I | re.M)
print(p)
print(p.pattern, p.flags, p.groups, p.groupindex)
print(type(p).__name__, type(p.match('a=1')).__name__)
print(re.compile('a'), re.compile(b'a'), re.compile('a', re.S | re.X))
print(re.compile('x' * 300) == re.compile('x' * 300), re.compile('a') == re.compile('a', re.I))
print(repr(re.compile('a', re.A)), re.compile('(?i)a').flags, re.compile('a').flags)
print(re.I, re.IGNORECASE, re.M | re.S, repr(re.X), re.I == 2, int(re.A), re.NOFLAG)
print(re.I.value, re.I.name, (re.I | re.M).name)
print(re.compile('a') is re.compile('a'))

b = re.compile(rb'(\d+)-(\d+)')
m = b.search(b'tel: 555-1234')
print(m, m.groups(), m.group(0))
print(b.sub(rb'\2-\1', b'1-2 3-4'), b.split(b'a1-2b'), b.findall(b'1-2,3-4'))
print(re.findall(rb'\w+', b'abc \xe9t\xe9'), re.match(rb'(?i)ABC', b'abc'))
print(re.search(b'a', bytearray(b'xa')))

print(re.escape('a.b*c?d'), re.escape('1+1=2'), re.escape('héllo wörld'), re.escape(b'a.b'))
print(re.escape('_-#~&'))
re.purge()
print(re.match(re.escape('a.b'), 'a.b'), re.match(re.escape('a.b'), 'axb'))

for pat, s in [('a', b'a'), (b'a', 'a')]:
    try:
        re.match(pat, s)
    except TypeError as e:
        print('TypeError', e)
try:
    re.match('a', 3)
except TypeError as e:
    print('TypeError', e)
try:
    re.compile(3)
except TypeError as e:
    print('TypeError', e)
try:
    re.compile('a', re.A | re.U)
except ValueError as e:
    print('ValueError', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError', e)
print(re.compile(re.compile('ab')).pattern)
