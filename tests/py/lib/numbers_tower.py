# numbers: the ABC tower, where the builtins sit in it, and the methods each
# level derives for a subclass that implements the abstract ones.
import numbers
from numbers import Number, Complex, Real, Rational, Integral


def show(fn):
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)


TOWER = (Number, Complex, Real, Rational, Integral)
print(sorted(numbers.__all__))
for cls in TOWER:
    print(cls.__name__, cls.__module__, [b.__name__ for b in cls.__bases__],
          sorted(cls.__abstractmethods__))
for value in (True, 3, 2.5, 1j, "3", None, [1], float("nan")):
    print(repr(value), "".join("1" if isinstance(value, c) else "." for c in TOWER))
for t in (bool, int, float, complex, str, object):
    print(t.__name__, "".join("1" if issubclass(t, c) else "." for c in TOWER))
for cls in TOWER:
    show(lambda: type(cls()).__name__)
print(Number.__hash__, Complex.__hash__)


class Seven(Integral):
    # The smallest complete Integral: everything goes through int 7.
    def __int__(self): return 7
    def __pow__(self, e, m=None): return pow(7, e, m)
    def __lshift__(self, o): return 7 << o
    def __rlshift__(self, o): return o << 7
    def __rshift__(self, o): return 7 >> o
    def __rrshift__(self, o): return o >> 7
    def __and__(self, o): return 7 & o
    def __rand__(self, o): return o & 7
    def __xor__(self, o): return 7 ^ o
    def __rxor__(self, o): return o ^ 7
    def __or__(self, o): return 7 | o
    def __ror__(self, o): return o | 7
    def __invert__(self): return ~7
    def __add__(self, o): return 7 + o
    def __radd__(self, o): return o + 7
    def __neg__(self): return -7
    def __pos__(self): return 7
    def __mul__(self, o): return 7 * o
    def __rmul__(self, o): return o * 7
    def __truediv__(self, o): return 7 / o
    def __rtruediv__(self, o): return o / 7
    def __rpow__(self, o): return o ** 7
    def __abs__(self): return 7
    def __eq__(self, o): return o == 7
    def __hash__(self): return hash(7)
    def __trunc__(self): return 7
    def __floor__(self): return 7
    def __ceil__(self): return 7
    def __round__(self, n=None): return 7
    def __floordiv__(self, o): return 7 // o
    def __rfloordiv__(self, o): return o // 7
    def __mod__(self, o): return 7 % o
    def __rmod__(self, o): return o % 7
    def __lt__(self, o): return 7 < o
    def __le__(self, o): return 7 <= o


s = Seven()
print(int(s), float(s), s.__complex__(), s.numerator, s.denominator, s.real, s.imag,
      s.conjugate(), [10, 20, 30, 40, 50, 60, 70, 80][s], bool(s))
print(s - 2, 10 - s, divmod(s, 2), divmod(20, s), s == 7, hash(s) == hash(7))
print(isinstance(s, Real), isinstance(s, Rational), isinstance(s, Number))


class Half(Rational):
    numerator = 1
    denominator = 2


show(Half)
print(Rational.__float__(type("R", (), {"numerator": 3, "denominator": 4})()))


class Partial(Real):
    def __float__(self):
        return 1.5


show(Partial)
print(sorted(Partial.__abstractmethods__)[:4])
Real.register(Seven)
print(issubclass(Seven, Real))
