class Frac:
    def __init__(self, n, d=1):
        from math import gcd
        g = gcd(n, d)
        self.n, self.d = n // g, d // g
    def __add__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __mul__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __eq__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return self.n == o.n and self.d == o.d
    def __float__(self):
        return self.n / self.d
    def __repr__(self):
        return "%d/%d" % (self.n, self.d)
h = Frac(1, 2)
print(h + Frac(1, 3), h * 4, 1 + h, 3 * h, h == Frac(2, 4), float(h))
print(sum([Frac(1, n) for n in range(1, 5)], Frac(0)))
