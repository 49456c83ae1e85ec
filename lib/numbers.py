"""numbers: the numeric tower of PEP 3141 as abstract base classes.

Design notes
------------
Number > Complex > Real > Rational > Integral, each an ABC that says which
operations a number of that kind supports.  The builtins are registered
(complex as Complex, float as Real, int as Integral, and bool through int),
so isinstance(x, numbers.Real) is the usual "is this a real number" test.

Each level lists its required operations as abstract methods and fills in
what can be derived from them, as the PEP asks:

* Complex: subtraction from addition and negation, truth from != 0;
* Real: complex(), .real/.imag, conjugate() and divmod() from float()
  and the other operators;
* Rational: float() from numerator / denominator;
* Integral: index(), float(), numerator and denominator from int().

The abstract methods are made by _required() from their names rather than
written out one by one: their bodies never run (a class that does not
override them cannot be instantiated), so only the names matter.  The
classes are built with ABCMeta() directly from those dicts.

Left out: nothing of the public API; the abstract methods have no
docstrings.
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


def _required(*names):
    # Abstract placeholders for the operations in [names].  A name ending
    # in ':property' is an abstract read-only attribute instead.
    made = {}
    for entry in names:
        name, _, kind = entry.partition(":")

        def placeholder(self, *args, **kwargs):
            raise NotImplementedError

        placeholder.__name__ = placeholder.__qualname__ = name
        abstract = abstractmethod(placeholder)
        made[name] = property(abstract) if kind == "property" else abstract
    return made


def _tower_class(name, base, namespace):
    namespace = dict(namespace, __module__=__name__, __slots__=())
    return ABCMeta(name, (base,), namespace)


class Number(metaclass=ABCMeta):
    """Every kind of number.  isinstance(x, Number) asks only that."""

    __slots__ = ()

    # Numbers that compare equal must hash equal across types; a subclass
    # has to think about that itself, so there is no inherited hash.
    __hash__ = None


def _complex_sub(self, other):
    return self + -other


def _complex_rsub(self, other):
    return -self + other


def _complex_bool(self):
    return self != 0


Complex = _tower_class("Complex", Number, {
    "__doc__": "Numbers with +, -, *, /, ** and abs(), and real and imag parts.",
    **_required("__complex__", "real:property", "imag:property",
                "__add__", "__radd__", "__neg__", "__pos__",
                "__mul__", "__rmul__", "__truediv__", "__rtruediv__",
                "__pow__", "__rpow__", "__abs__", "conjugate", "__eq__"),
    "__bool__": _complex_bool,
    "__sub__": _complex_sub,
    "__rsub__": _complex_rsub,
    "__hash__": None,
})
Complex.register(complex)


def _real_as_complex(self):
    return complex(float(self))


def _real_divmod(self, other):
    return (self // other, self % other)


def _real_rdivmod(self, other):
    return (other // self, other % self)


def _itself(self):
    return +self


def _zero(self):
    return 0


Real = _tower_class("Real", Complex, {
    "__doc__": "Complex numbers on the real line: ordered, with float(), "
               "rounding, // and %.",
    **_required("__float__", "__trunc__", "__floor__", "__ceil__", "__round__",
                "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__",
                "__lt__", "__le__"),
    "__complex__": _real_as_complex,
    "real": property(_itself),
    "imag": property(_zero),
    "conjugate": _itself,
    "__divmod__": _real_divmod,
    "__rdivmod__": _real_rdivmod,
})
Real.register(float)


def _ratio_as_float(self):
    # int() first: numerator and denominator may be Integral types that
    # do not divide to a float by themselves.
    return int(self.numerator) / int(self.denominator)


Rational = _tower_class("Rational", Real, {
    "__doc__": "Real numbers that are a ratio of two integers.",
    **_required("numerator:property", "denominator:property"),
    "__float__": _ratio_as_float,
})


def _integral_index(self):
    return int(self)


def _integral_as_float(self):
    return float(int(self))


def _one(self):
    return 1


Integral = _tower_class("Integral", Rational, {
    "__doc__": "Whole numbers: int(), and the bitwise and shift operators.",
    **_required("__int__", "__pow__", "__lshift__", "__rlshift__",
                "__rshift__", "__rrshift__", "__and__", "__rand__",
                "__xor__", "__rxor__", "__or__", "__ror__", "__invert__"),
    "__index__": _integral_index,
    "__float__": _integral_as_float,
    "numerator": property(_itself),
    "denominator": property(_one),
})
Integral.register(int)
