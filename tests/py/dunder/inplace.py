class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __isub__(self, other):
        self.items.remove(other)
        return self
class NoInplace:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NoInplace(self.v + o)
a = Acc()
ref = a
a += 1
a += 2
a -= 1
print(a.items, a is ref)
n = NoInplace(1)
m = n
n += 5
print(n.v, m.v, n is m)
