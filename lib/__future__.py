"""The features a `from __future__ import ...` statement can name.

Design notes
------------
A future statement does two things. At compile time it switches on a
behaviour of the compiler (for gilpy, only `annotations` changes anything:
annotations are kept as strings, PEP 563). At run time it is also an
ordinary import of this module, binding the feature's name in the
importing namespace - which is why every feature must exist here as an
object, even the ones whose behaviour has long been standard.

Each feature records two releases as 5-tuples shaped like
sys.version_info: the first release that accepted the future statement,
and the release in which the behaviour became the default (None when that
has not been decided). Its compiler_flag is the bit that compile() accepts
in its `flags` argument to turn the feature on for the compiled code; the
numeric values are CPython's, so code that passes them around keeps
working.
"""

# The compile() flag bits, under the names CPython's code objects use.
CO_NESTED = 0x0010
CO_GENERATOR_ALLOWED = 0  # generators need no flag any more
CO_FUTURE_DIVISION = 0x20000
CO_FUTURE_ABSOLUTE_IMPORT = 0x40000
CO_FUTURE_WITH_STATEMENT = 0x80000
CO_FUTURE_PRINT_FUNCTION = 0x100000
CO_FUTURE_UNICODE_LITERALS = 0x200000
CO_FUTURE_BARRY_AS_BDFL = 0x400000
CO_FUTURE_GENERATOR_STOP = 0x800000
CO_FUTURE_ANNOTATIONS = 0x1000000


class _Feature:
    """One future feature: when it was offered, when it became (or will
    become) standard, and the compile() flag that enables it."""

    def __init__(self, optional_release, mandatory_release, compiler_flag):
        self.optional = optional_release
        self.mandatory = mandatory_release
        self.compiler_flag = compiler_flag

    def getOptionalRelease(self):
        """The release that first accepted the future statement."""
        return self.optional

    def getMandatoryRelease(self):
        """The release where the feature is the default, or None if that
        has not been scheduled."""
        return self.mandatory

    def __repr__(self):
        return "_Feature" + repr((self.optional, self.mandatory, self.compiler_flag))


# In the order the features were introduced; all_feature_names follows it.
nested_scopes = _Feature((2, 1, 0, "beta", 1), (2, 2, 0, "alpha", 0), CO_NESTED)
generators = _Feature((2, 2, 0, "alpha", 1), (2, 3, 0, "final", 0), CO_GENERATOR_ALLOWED)
division = _Feature((2, 2, 0, "alpha", 2), (3, 0, 0, "alpha", 0), CO_FUTURE_DIVISION)
absolute_import = _Feature((2, 5, 0, "alpha", 1), (3, 0, 0, "alpha", 0),
                           CO_FUTURE_ABSOLUTE_IMPORT)
with_statement = _Feature((2, 5, 0, "alpha", 1), (2, 6, 0, "alpha", 0),
                          CO_FUTURE_WITH_STATEMENT)
print_function = _Feature((2, 6, 0, "alpha", 2), (3, 0, 0, "alpha", 0),
                          CO_FUTURE_PRINT_FUNCTION)
unicode_literals = _Feature((2, 6, 0, "alpha", 2), (3, 0, 0, "alpha", 0),
                            CO_FUTURE_UNICODE_LITERALS)
barry_as_FLUFL = _Feature((3, 1, 0, "alpha", 2), (4, 0, 0, "alpha", 0),
                          CO_FUTURE_BARRY_AS_BDFL)
generator_stop = _Feature((3, 5, 0, "beta", 1), (3, 7, 0, "alpha", 0),
                          CO_FUTURE_GENERATOR_STOP)
annotations = _Feature((3, 7, 0, "beta", 1), None, CO_FUTURE_ANNOTATIONS)

all_feature_names = [
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",
    "annotations",
]

__all__ = ["all_feature_names"] + all_feature_names
