# functools.partial: copying and pickling carry func, args, keywords and the
# instance dict; the three are read-only; __setstate__ validates; a partial
# that contains itself has a finite repr.  Plus cmp_to_key keys being
# unhashable in the eyes of collections.abc, and lru_cache(len).
import builtins
import collections.abc
import copy
import functools
import pickle


def show(*args, **kwargs):
    return args, kwargs


p = functools.partial(show, 1, [2], x=3)
p.note = ['n']
q = copy.copy(p)
print(q(4), q.note is p.note, q.args is p.args, q.keywords is p.keywords)
d = copy.deepcopy(p)
print(d(5), d.note == p.note, d.note is p.note, d.args[1] is p.args[1])
u = pickle.loads(pickle.dumps(p))
print(u(6), u.note, type(u).__name__)
print(p.__reduce__()[1:] == ((show,), (show, (1, [2]), {'x': 3}, {'note': ['n']})))
print(functools.partial(show).__reduce__()[2][2:])

for attr in ('func', 'args', 'keywords'):
    try:
        setattr(p, attr, None)
    except AttributeError:
        print(attr, 'read-only')


class Sub(functools.partial):
    pass

s = Sub(show, 'a')
s2 = copy.copy(s)
print(type(s2).__name__, s2('b'))

for bad in [(show, (), {}), (show, (), {}, {}, None), [show, (), {}, None],
            (None, (), {}, None), (show, None, {}, None), (show, [], {}, None),
            (show, (), [], None)]:
    try:
        p.__setstate__(bad)
    except TypeError as e:
        print('TypeError', e)


class MyTuple(tuple):
    pass

class MyDict(dict):
    pass

p.__setstate__((show, MyTuple((1,)), MyDict(a=10), None))
print(type(p.args).__name__, type(p.keywords).__name__, p.__dict__, p(2))
p.__setstate__((p, (), {}, {}))
print(repr(p).startswith('functools.partial(...)'))
p.__setstate__((show, (p,), {'k': p}, {}))
print(repr(p)[-12:])
p.__setstate__((show, (), {}, {}))
print(functools.partial[int], type(functools._CacheInfo(1, 2, 3, 4)).__name__)

key = functools.cmp_to_key(lambda a, b: a - b)
print(sorted([3, 1, 2], key=key))

old_len = builtins.len
try:
    builtins.len = functools.lru_cache(4)(old_len)
    print([len('abcdefgh'[:i]) for i in [0, 1, 1, 2, 3, 4, 5, 6, 0, 7]])
finally:
    builtins.len = old_len
