# Slot wrappers (int.__add__, iter([]).__next__, ...) carry CPython's
# docstrings, which help() shows.
import types
names = ('repr str hash lt le eq ne gt ge getattribute setattr delattr call iter next '
         'add radd sub rsub pow rpow divmod rdivmod neg pos invert abs bool int float '
         'index len getitem setitem delitem contains get set delete init lshift rlshift '
         'truediv floordiv mod and or xor isub ior').split()
sources = [object, int, float, list, dict, set, type, types.FunctionType, property,
           type(iter([])), bytearray, complex]
for n in names:
    d = '__%s__' % n
    for s in sources:
        w = s.__dict__.get(d)
        if type(w).__name__ == 'wrapper_descriptor':
            print(d, repr(w.__doc__))
            break
print(iter([]).__next__.__doc__)
print((1).__add__.__doc__, [].__len__.__doc__)
