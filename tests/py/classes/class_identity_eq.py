class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a is a)
print(hash(a) == hash(a))
s = {a, b, a}
print(len(s))
class Val:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Val) and self.v == other.v
print(Val(1) == Val(1), Val(1) != Val(2), Val(1) == 1)
try:
    hash(Val(1))
except TypeError as e:
    print(e)
