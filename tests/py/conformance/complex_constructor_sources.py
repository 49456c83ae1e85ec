# complex(): identity for an exact complex, __complex__ on subclasses, and
# Unicode white space and digits in strings.
z = 1 + 2j
print(complex(z) is z)


class MyComplex(complex):
    pass


m = MyComplex(3j)
print(complex(m) is m, type(complex(m)).__name__)


class Special(complex):
    def __complex__(self):
        return 42j


class FloatSpecial(float):
    def __complex__(self):
        return 1 + 1j


print(complex(Special(1j)), complex(FloatSpecial(5.0)), complex(Special(1j), 1))
print(complex("\u2003(\u20021+1j ) "), complex("\u0661+\u0662j"), complex("\u3000 5 "))
try:
    complex("1+1j\u00e9")
except ValueError as e:
    print("ValueError", e)
