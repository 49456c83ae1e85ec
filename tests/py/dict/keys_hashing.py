class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return hash(self.n % 3)
    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n
    def __repr__(self):
        return "Key(%d)" % self.n
d = {Key(1): "one", Key(4): "four", Key(7): "seven"}
print(d[Key(4)], len(d), Key(10) in d)
print(d)
try:
    d[[1]] = 2
except TypeError as e:
    print(e)
try:
    {{}: 1}
except TypeError as e:
    print(e)
