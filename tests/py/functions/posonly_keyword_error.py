# Positional-only parameters passed by keyword are all named, in parameter order.
def f(x, y, /, z=0): pass
def g(a, /, **kw): return kw
for call in (lambda: f(x=1, y=2), lambda: f(1, y=2), lambda: f(1, 2, x=3, z=1), lambda: f(y=1, q=2, x=2)):
    try: call()
    except TypeError as e: print(e)
print(g(1, a=2))
class K:
    def m(self, a, /): pass
try: K().m(a=1)
except TypeError as e: print(e)
