# keyword: the exact lists, their order and types, and the predicates on
# keywords, soft keywords, near misses and non-strings.
import keyword

print(keyword.kwlist)
print(keyword.softkwlist)
print(type(keyword.kwlist).__name__, len(keyword.kwlist), keyword.kwlist == sorted(keyword.kwlist))
print(sorted(keyword.__all__))
for word in ('for', 'async', 'await', 'None', 'none', 'print', 'match', 'case', '_', 'type',
             '', 'IF', 'nonlocal', 'yield', 'exec'):
    print(repr(word), keyword.iskeyword(word), keyword.issoftkeyword(word))
print(keyword.iskeyword(1), keyword.issoftkeyword(None))
try:
    keyword.iskeyword([])
except TypeError as e:
    print('TypeError:', e)
print(all(keyword.iskeyword(w) for w in keyword.kwlist), any(keyword.iskeyword(w) for w in keyword.softkwlist))
