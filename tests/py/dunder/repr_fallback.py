class R:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "R(%r)" % (self.v,)
print(R(1), R("s"), R([R(2)]), str(R(None)))
print("%r and %s" % (R(1), R(2)), f"{R(3)!r}")
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
