def f(a: int, b: 'str' = 'x') -> None: pass
print(f.__annotations__)
def g(a:1, /, b:2, *c:3, d:4, **e:5)->6: pass
print(g.__annotations__)
class K:
    def g(self, __x: int) -> 'r': pass
print(K.g.__annotations__)
print((lambda x: x).__annotations__)
def outer():
    T = list
    def inner(x: T) -> T: return x
    return inner
print(outer().__annotations__)
def h(): pass
print(h.__annotations__)
h.__annotations__ = {'a': 1}
print(h.__annotations__)
def deco(fn): return fn
@deco
def k(x: int = 3, *, y: str = 'a') -> float: return 1.0
print(k.__annotations__, k.__defaults__, k.__kwdefaults__)
async def co(x: int) -> None: pass
print(co.__annotations__)
def order():
    def p(n): print('eval', n); return n
    def f(a: p(1) = p(0), *, b: p(3) = p(2)) -> p(4): pass
    return f.__annotations__
print(order())
