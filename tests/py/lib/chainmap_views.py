# ChainMap's keys(), items() and values() are live views that follow writes and
# a subclass's __iter__, as a Mapping's are.
import collections, collections.abc
c = collections.ChainMap({'a': 1}, {'b': 2, 'a': 3})
print(isinstance(c, collections.abc.MutableMapping), type(c.keys()).__name__, type(c.items()).__name__, type(c.values()).__name__)
k = c.keys(); c['z'] = 9; print(sorted(k), list(c.values()), list(c.items()), len(k), 'z' in k, ('a', 1) in c.items())
class C(collections.ChainMap):
    def __iter__(self): return iter(sorted(super().__iter__(), reverse=True))
print(list(C({'a': 1, 'b': 2}).items()), list(C({'a': 1, 'b': 2}).keys()), list(C({'a': 1, 'b': 2}).values()))
print(c.keys() == {'a', 'b', 'z'}, c == {'a': 1, 'b': 2, 'z': 9}, repr(c.keys())[:30])
