# sys's named records behave as tuples with named fields.
import sys

vi = sys.version_info
print(isinstance(vi, tuple), len(vi), vi[:2] == (vi.major, vi.minor), vi.releaselevel)
print(vi >= (3, 8), vi < (4,), vi == tuple(vi), hash(vi) == hash(tuple(vi)))
major, minor, *rest = vi
print(major, minor == 11, len(rest))
print(type(vi).__name__, repr(vi).startswith('sys.version_info(major=3, minor=11, micro='))
try:
    vi.major = 4
except AttributeError:
    print('AttributeError on assignment')
try:
    type(vi)()
except TypeError as e:
    print('TypeError:', e)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.float_info[0] == sys.float_info.max, len(sys.float_info))
print(sys.int_info.bits_per_digit > 0, sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.modulus)
print(sys.flags.optimize, sys.flags.dont_write_bytecode >= 0, sys.flags.quiet, len(sys.flags) >= 17)
print(sys.implementation.name == sys.implementation.name.lower())
print(sys.maxunicode, sys.float_repr_style)
