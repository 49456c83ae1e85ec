import operator as o
from operator import itemgetter, attrgetter, methodcaller
print(o.add(1, 2), o.sub(5, 3), o.mul('a', 3), o.truediv(7, 2), o.floordiv(7, 2), o.mod(7, 3), o.pow(2, 10))
print(o.neg(3), o.pos(-3), o.abs(-4), o.inv(5), o.invert(5), o.not_(0), o.truth([]), o.index(7))
print(o.lt(1, 2), o.le(2, 2), o.eq(1, 1.0), o.ne(1, 2), o.gt(1, 2), o.ge(3, 2), o.is_(None, None), o.is_not(1, None))
print(o.and_(6, 3), o.or_(6, 3), o.xor(6, 3), o.lshift(1, 4), o.rshift(16, 2), o.concat([1], [2]), o.contains([1, 2], 2))
l = [1, 2, 3]; o.setitem(l, 0, 9); o.delitem(l, 1); print(l, o.getitem(l, 0), o.getitem('abc', slice(1, None)))
x = [1]; y = o.iadd(x, [2]); print(x, y is x, o.iadd(1, 2), o.imul([0], 2), o.iconcat([1], (2,)))
print(o.countOf([1, 2, 1], 1), o.indexOf('abc', 'c'), o.length_hint([1, 2]), o.length_hint(iter(range(5))), o.length_hint(5, 3))
print(itemgetter(1)([1, 2, 3]), itemgetter(0, 2)('abc'), itemgetter('k')({'k': 5}), itemgetter(-1)((1, 2)))
class P: pass
p = P(); p.a = P(); p.a.b = 3; p.c = 4
print(attrgetter('c')(p), attrgetter('a.b', 'c')(p))
print(methodcaller('upper')('abc'), methodcaller('split', ',', maxsplit=1)('a,b,c'))
print(itemgetter(1), itemgetter(1, 'x'), attrgetter('a.b', 'c'), methodcaller('f', 1, k=2), methodcaller('g'))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=itemgetter(1)))
print(o.add, o.__add__ is o.add, o.__not__ is o.not_, o.call(len, [1, 2]))
print('add' in o.__all__, o.matmul.__name__)
for e in ['o.add(1)', 'o.concat(1, 2)', 'o.indexOf([1], 2)', 'o.length_hint(1, "a")', 'itemgetter()', 'itemgetter(1)(1, 2)', 'itemgetter(1)(x=1)', 'attrgetter(1)', 'methodcaller(1)', 'methodcaller()', 'o.not_(1, 2)', 'o.truth()', 'attrgetter("a")(1)', 'itemgetter(5)([1])', 'o.index(1.0)', 'o.add(1, "a")', 'o.neg("a")']:
    try: print(eval(e))
    except Exception as ex: print(type(ex).__name__, ex)
