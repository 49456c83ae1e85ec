# collections.UserDict, UserList and UserString: behaviour of the wrappers
# and of subclasses, compared with CPython.
from collections import UserDict, UserList, UserString
import collections
import copy

d = UserDict({'a': 1}, b=2)
d['c'] = 3
del d['a']
print(d, len(d), 'b' in d, 'a' in d, sorted(d), d.get('z', 'none'))
print(isinstance(d, collections.abc.MutableMapping), type(d | {'x': 0}).__name__)
print({'q': 9} | d, d | UserDict(z=1))
d |= {'b': 20}
print(d, d.data)
print(UserDict.fromkeys('xy', 0), UserDict(mapping=5))
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)


class Defaulting(UserDict):
    def __missing__(self, key):
        return key * 2

dd = Defaulting(a=1)
dd.extra = 'kept'
print(dd['zz'], dd['a'], 'zz' in dd)
c = dd.copy()
print(type(c).__name__, c, c.extra, c.data is dd.data)
c2 = copy.copy(dd)
print(type(c2).__name__, c2, c2.data is dd.data)
print(UserDict(a=1).copy(), UserDict() == {}, UserDict(a=1) == {'a': 1})
key = UserString('k')
kd = UserDict()
kd[key] = 1
print(type(next(iter(kd))).__name__)

l = UserList([3, 1, 2])
l.append(0)
l.extend(UserList([9]))
l += (7,)
print(l, len(l), l[1], type(l[1:3]).__name__, l[1:3])
l.sort()
print(l, l.pop(), l.index(2), l.count(1), 2 in l)
print(l + [5], [5] + l, type([5] + l).__name__, l * 2, 2 * l)
print(l == [0, 1, 2, 3, 7], l < [0, 2], l >= UserList([0]))
l2 = l.copy()
l2.reverse()
print(l2, l, type(l2).__name__)
l[0] = 'x'
del l[1]
l.insert(0, 'first')
l.remove('x')
print(l, UserList(), UserList('ab'), UserList(UserList([1])))
l *= 2
print(l)
try:
    hash(l)
except TypeError as e:
    print('TypeError', e)


class Shout(UserString):
    pass

s = Shout('Hello World')
print(s, repr(s), len(s), s[0], type(s[1:4]).__name__, s.upper(), type(s.upper()).__name__)
print(s.find('o'), s.count(UserString('l')), s.split(), s.partition(' '), s.startswith('He'))
print(s + '!', '>' + s, type('>' + s).__name__, s * 2, s.replace('l', UserString('L')))
print('World' in s, UserString('W') in s, s == 'Hello World', s < 'Z', hash(s) == hash('Hello World'))
print(s.center(15, '*'), s.zfill(13), s.encode(), s.isalpha(), s.title(), s.join('ab'))
print(UserString('%s-%s') % ('a', 'b'), int(UserString('42')) + 1, float(UserString('1.5')))
print(UserString(12), UserString(UserString('in')), s.format(), s.removeprefix('Hel'))
print(sorted([UserString('b'), UserString('a')]), s.rsplit('o', 1), s.strip('Hd'))
print(UserString('a,b').split(','), UserString('ab').translate({97: 'A'}))
