# __reduce__ of exceptions, sets, slices and ranges as CPython gives it, and
# copy/deepcopy of exceptions keeping args and the instance's own attributes
# (before, copy.copy(ValueError('a', 2)).args was ()).
import copy

print(ValueError('x').__reduce__())
print(OSError(2, 'nf').__reduce__())
print(StopIteration(3).__reduce__())
print(SyntaxError('m', ('f', 1, 2, 'x')).__reduce__())
print(KeyError('k').__reduce__())
e = KeyError('k')
e.note = 'extra'
print(e.__reduce__())
print(copy.copy(ValueError('a', 2)).args)


class AppError(RuntimeError):
    pass


err = AppError('boom', 7)
err.code = 42
clone = copy.deepcopy(err)
print(type(clone).__name__, clone.args, clone.code, clone is err)
print(copy.copy(OSError(2, 'x')).errno, copy.copy(StopIteration(5)).value)

s = {3, 1, 2}
r = s.__reduce__()
print(r[0], sorted(r[1][0]), r[2])
print(frozenset([3]).__reduce__())
print(slice(1, 5, 2).__reduce__(), range(3).__reduce__(), range(1, 10, 3).__reduce__())
print(copy.deepcopy(slice(1, None)), copy.copy(range(2, 8)))
