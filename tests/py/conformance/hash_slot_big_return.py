class R:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v
for v in [-6644214454873602895, 2**63 - 1, -2**63, 2**63, 2**64 + 5, -2**100, -1, -2, 0, 12345, True]:
    print(v, hash(R(v)))
class T:
    def __hash__(self): return hash((1, 'a', 2.5))
print(hash(T()) == hash((1, 'a', 2.5)))
class Bad:
    def __hash__(self): return 1.5
try: hash(Bad())
except TypeError as e: print(e)
class Sub(int): pass
class S:
    def __hash__(self): return Sub(77)
print(hash(S()))
