class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("eq called")
        return self.v == getattr(other, "v", None)
print(E(1) != E(1))
print(E(1) != E(2))
print(E(1) in [E(0), E(1)])
class NoEq:
    pass
n = NoEq()
print(n == n, n != n, n in [n], NoEq() in [NoEq()])
