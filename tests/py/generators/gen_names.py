# A generator's __name__ and __qualname__ come from its function when it is
# made (not from the code object), can be reassigned with strs only, and
# stay readable, with gi_code/cr_code, after the generator has finished.
import functools


def counter(n):
    yield from range(n)


g = counter(2)
print(g.__name__, g.__qualname__, g.gi_code.co_name, list(g), g.gi_code.co_name)

counter.__name__ = 'renamed'
counter.__qualname__ = 'Outer.renamed'
h = counter(1)
print(h.__name__, h.__qualname__, h.gi_code.co_name, h.gi_code.co_qualname)
print(repr(h).split(' at ')[0])
counter.__name__ = 'counter'
print(h.__name__, counter(0).__name__, counter(0).__qualname__)

h.__name__ = 'again'
print(h.__name__, h.__qualname__)
h.__qualname__ = 'Q.again'
print(h.__name__, h.__qualname__, repr(h).split(' at ')[0])
for bad in (None, 3, b'x'):
    for attr in ('__name__', '__qualname__'):
        try:
            setattr(h, attr, bad)
        except TypeError as e:
            print(attr, type(bad).__name__, e)
print(list(h), h.__name__, h.gi_code.co_name, h.gi_frame)


class Box:
    def items(self):
        yield 1

    async def fetch(self):
        return 2


print(Box().items().__qualname__)
c = Box().fetch()
print(c.__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print('returned', e.value, c.cr_code.co_qualname, c.cr_frame)


def wrapper_factory(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        yield from fn(*args)
    return wrapper


wrapped = wrapper_factory(counter)(3)
print(wrapped.__name__, wrapped.__qualname__, wrapped.gi_code.co_name, sum(wrapped))
gen_expr = (x for x in ())
print(gen_expr.__name__, gen_expr.__qualname__)
