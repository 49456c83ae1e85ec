class T:
    def __init__(self):
        self._x = 0
    def get_x(self):
        return self._x
    def set_x(self, v):
        self._x = v * 10
    x = property(get_x, set_x, doc="the x")
t = T()
t.x = 4
print(t.x, T.x.__doc__, type(T.x).__name__)
print(isinstance(T.__dict__["x"], property))
class RO:
    v = property(lambda self: "read-only")
r = RO()
print(r.v)
try:
    del r.v
except AttributeError as e:
    print(e)
