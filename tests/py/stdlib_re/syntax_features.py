# Pattern syntax: classes, anchors, quantifiers, groups, lookaround, flags.
import re

tests = [
    (r'[a-c]+', 'xxabcabcyy'), (r'[^a-c]+', 'abcxyzabc'), (r'[\d\s]+', 'ab 12 3c'),
    (r'[]a]+', 'a]]b'), (r'[a\-z]+', 'q-az'), (r'[\w.]+', 'foo.bar baz'),
    (r'^\w+', 'hello world'), (r'\w+$', 'hello world'), (r'\bis\b', 'this is it'),
    (r'\Bis\B', 'this island mist'), (r'\Afoo', 'foofoo'), (r'foo\Z', 'foofoo'),
    (r'a{2}', 'aaaa'), (r'a{2,3}', 'aaaa'), (r'a{2,}', 'a aa aaaa'), (r'a{,2}', 'aaa'),
    (r'a{2,3}?', 'aaaa'), (r'a+?', 'aaa'), (r'a*?b', 'aaab'), (r'<.*>', '<a><b>'),
    (r'<.*?>', '<a><b>'), (r'colou?r', 'color colour'), (r'(ab)+', 'ababab'),
    (r'(?:ab)+c', 'ababc'), (r'(\w)\1', 'hello book'), (r'(?P<c>\w)(?P=c)', 'aabbc'),
    (r'foo(?=bar)', 'foobar foobaz'), (r'foo(?!bar)', 'foobar foobaz'),
    (r'(?<=\$)\d+', 'cost $45'), (r'(?<!\$)\b\d+', 'cost $45 or 46'),
    (r'gr(a|e)y', 'grey gray'), (r'cat|dog|bird', 'a dog and a bird'),
    (r'x{', 'x{'), (r'a.c', 'abc a\nc'), (r'\x41\u00e9', 'Aé'), (r'\t', 'a\tb'),
    (r'\.\*\+', 'a.*+b'), (r'(?>a+)b', 'aaab'), (r'a++b', 'aab'), (r'(a)?(?(1)b|c)', 'ab c'),
]
for pat, s in tests:
    m = re.search(pat, s)
    print(repr(pat), m and m.group(), re.findall(pat, s))

print(re.findall(r'^\w', 'ab\ncd\nef', re.M), re.findall(r'\w$', 'ab\ncd\nef', re.M))
print(re.findall(r'.', 'a\nb', re.S), re.findall(r'(?s).', 'a\nb'))
print(re.findall(r'HELLO', 'hello Hello', re.I), re.findall(r'(?i)[A-Z]+', 'aBc'))
print(re.findall(r'(?i:a)b', 'ab Ab aB'))
print(re.match(r'''\d +  # digits
                   \.    # dot
                   \d*   # decimals''', '3.14', re.X).group())
print(re.findall(r'\w+', 'naïve café', re.A), re.findall(r'\w+', 'naïve café'))
print(re.findall(r'\d', '1٣'), re.findall(r'\d', '1٣', re.ASCII))
print(re.match('(?i)σ', 'Σ'), re.match('(?i)straße', 'STRASSE'))
print(re.findall(r'$', 'ab\n'), re.search(r'a$', 'a\n'), re.search(r'a\Z', 'a\n'))
print(re.search(r'\b', ''), re.search(r'\B', ''), re.findall(r'\b', 'ab cd'))
