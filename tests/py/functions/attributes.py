def f(a, b=1, *args, c=2, **kw):
    """Doc here."""
    x = 1
    return x
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_name, f.__module__)
class C:
    def method(self):
        def inner():
            pass
        return inner
print(C.method.__qualname__, C().method().__qualname__)
