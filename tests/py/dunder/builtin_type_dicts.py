# The dicts of builtin types are filled on first use (obj/type.c), so every
# way of reading one must see the whole dict: attribute lookup, vars(),
# __dict__, dir(), super(), subclassing, and the slot wrappers.
import sys

print(int.__add__(2, 3), int.__dict__['__add__'] is int.__add__)
print('__add__' in vars(int), '__hash__' in vars(list), vars(list)['__hash__'])
print('__sub__' in vars(str), '__mul__' in vars(str), '__rmul__' in vars(str))
print(sorted(n for n in dir(list) if not n.startswith('__')))
print(len(dir(int)) > 50, 'append' in dir([]), 'keys' in dir({}))


class L(list):
    def __repr__(self):
        return 'L' + super().__repr__()


print(L([1, 2]), L([1]) + [3], len(L([1, 2, 3])))
print(super(L, L([7])).__len__())
print(sys.version_info.n_fields, sys.version_info[:1] == (3,),
      type(sys.flags).n_sequence_fields > 0)
print(list[int], dict[str, int], type(list.__class_getitem__).__name__)
print(hash(frozenset()) == hash(frozenset()), {}.__class__.__name__)
try:
    hash([])
except TypeError as e:
    print(e)
print(str.upper('abc'), bytes.hex(b'\x01'), float.__repr__(1.5))


class D(dict):
    def __missing__(self, k):
        return k * 2


print(D()[4], dict.fromkeys('ab'))
it = iter([1, 2])
print(type(it).__name__, '__next__' in dir(it), next(it), type(it).__next__(it))
print(object.__init__, int.__new__ is int.__new__)


class E(ValueError):
    pass


print(E('x').args, E.__mro__[1].__name__, ValueError.__str__(E('y')))
print(range.__len__(range(5)), slice.indices(slice(1, None), 5))
print(getattr(set, 'union')({1}, {2}), set.__or__({1}, {3}))
print(bool.__or__(True, False), type(None).__bool__(None))
print(hasattr(int, 'bit_length'), hasattr(complex, 'conjugate'))
print('__doc__' in vars(tuple), tuple.__doc__ is not None)


class Sub(bytes):
    pass


print(Sub(b'ab').hex(), Sub.__mro__[1] is bytes, 'hex' in dir(Sub))
print(int.__init_subclass__ is object.__init_subclass__)
print(sorted(set(vars(frozenset)) & {'union', '__or__', '__ror__', '__and__'}))
