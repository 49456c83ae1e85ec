# complex == int compares the real part exactly, so an int too large for a
# double is simply unequal instead of raising OverflowError; complex also
# has __complex__ and __getnewargs__ (3.11).
import pickle

huge = 10 ** 400
print(1j != huge, (5 + 0j) == huge, huge == 5 + 0j, (5 + 0j).__eq__(huge))
print(complex(2 ** 53) == 2 ** 53 + 1, complex(2 ** 53) == 2 ** 53)
print((1 + 1j) == 1, (1 + 0j) == 1, 1 == (1 + 0j), (0j) != 0, (3 + 0j) != 3.0)
print((2 + 0j).__ne__(2), (2 + 0j).__eq__("2"))


class Sub(complex):
    pass


value = Sub(1.5, -2)
plain = value.__complex__()
print(type(plain).__name__, plain, (3 + 4j).__complex__())
print((3 + 5j).__getnewargs__(), (5j).__getnewargs__(), value.__getnewargs__())
print(pickle.loads(pickle.dumps(-2.5 + 1j)))
