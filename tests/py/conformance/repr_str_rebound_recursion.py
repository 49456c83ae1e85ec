# A class whose __repr__ is object.__str__ (which calls repr) recurses;
# str() and repr() raise RecursionError instead of crashing.
class Foo:
    pass

Foo.__repr__ = Foo.__str__
foo = Foo()
for fn in (str, repr, format):
    try:
        fn(foo)
    except RecursionError:
        print(fn.__name__, "RecursionError")

class Fine:
    def __repr__(self):
        return "Fine()"
print(str(Fine()), "%s" % Fine(), f"{Fine()}")
