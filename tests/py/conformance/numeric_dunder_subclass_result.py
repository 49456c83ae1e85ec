# __int__, __index__, __float__ and __complex__ returning an instance of a
# strict subclass: accepted as the base type, with a DeprecationWarning.
import operator
import warnings


class MyFloat(float):
    pass


class MyComplex(complex):
    pass


class A:
    def __int__(self):
        return True

    def __index__(self):
        return False

    def __float__(self):
        return MyFloat(1.5)

    def __complex__(self):
        return MyComplex(2j)


class OnlyIndex:
    def __index__(self):
        return True


a = A()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    results = [int(a), operator.index(a), float(a), complex(a), int(OnlyIndex())]
for r in results:
    print(repr(r), type(r).__name__)
for w in caught:
    print(w.category.__name__, w.message)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    for f in (int, operator.index, float, complex):
        try:
            f(a)
        except DeprecationWarning:
            print(f.__name__, "raised DeprecationWarning")
