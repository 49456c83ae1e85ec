# len() and abs() on many types, with their errors.
print(len([]), len([1, 2]), len((1,)), len('héllo'), len(b'ab'), len({1: 2}), len({1, 2, 3}))
print(len(range(10)), len(range(0, 10, 3)), len(''), len(bytearray(5)))

class Sized:
    def __len__(self):
        return 7

print(len(Sized()))

class BadLen:
    def __len__(self):
        return -1

for args in [(1,), (1.5,), (None,), (BadLen(),)]:
    try:
        len(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

for args in [(), (1, 2)]:
    try:
        len(*args)
    except TypeError as e:
        print('TypeError', e)

print(abs(-3), abs(3), abs(0), abs(-2.5), abs(-2**80), abs(True), abs(-0.0))

class Absy:
    def __abs__(self):
        return 'abs called'

print(abs(Absy()))
try:
    abs('x')
except TypeError as e:
    print('TypeError', e)
try:
    abs()
except TypeError as e:
    print('TypeError', e)
