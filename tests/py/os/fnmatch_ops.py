# fnmatch: shell-style pattern matching.
import fnmatch

cases = [('a.txt', '*.txt'), ('a.txt', '*.py'), ('abc', 'a?c'), ('abc', 'a[bc]c'), ('adc', 'a[!b]c'),
         ('a-c', 'a[a-c-]c'), ('x', '[]]'), (']', '[]]'), ('[', '['), ('a[b', 'a[b'), ('', '*'),
         ('abc', '*b*'), ('abc', 'a*c*'), ('abc', '*d'), ('ABC', 'abc'), ('a/b', 'a*b'), ('aaa', 'a*a*a')]
for name, pat in cases:
    print(repr(name), repr(pat), fnmatch.fnmatch(name, pat), fnmatch.fnmatchcase(name, pat))
print(fnmatch.filter(['a.py', 'b.txt', 'c.py'], '*.py'))
print(fnmatch.fnmatchcase(b'a.py', b'*.py'))
