# Keyword arguments given to a subclass of a builtin: refused unless the
# subclass's own __init__ or __new__ is there to take them.
for base in (list, tuple, set, frozenset, float):
    arg = [1] if base is not float else 1.5
    class Sub(base): pass
    try: Sub(sequence=()); print("no error")
    except TypeError as e: print(e)
    class WithInit(base):
        def __init__(self, a, newarg=None):
            if base in (list, set): super().__init__(a)
            self.newarg = newarg
    u = WithInit(arg, newarg=3); print(type(u).__name__, u.newarg, u)
    class WithNew(base):
        def __new__(cls, a, newarg=None):
            self = super().__new__(cls, a); self.newarg = newarg; return self
    try:
        u = WithNew(arg, newarg=3); print(type(u).__name__, u.newarg)
    except TypeError as e: print("TE", e)
