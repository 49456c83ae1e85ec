# sys functions and their argument errors.
import sys

def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except BaseException as e:
        print(type(e).__name__ + ':', e)

old = sys.getrecursionlimit()
attempt(sys.setrecursionlimit, 0)
attempt(sys.setrecursionlimit, 1.5)
attempt(sys.setrecursionlimit, 'x')
attempt(sys.setrecursionlimit)
attempt(sys.setrecursionlimit, 2 ** 70)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)

attempt(sys.setswitchinterval, 0)
attempt(sys.setswitchinterval, -1)
attempt(sys.getswitchinterval)
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())

attempt(sys.intern, 1)
s = sys.intern('hello' + str(1))
print(s is sys.intern('hello1'))

attempt(sys.exit, 1, 2)
attempt(sys.exit)
attempt(sys.exit, 3)
attempt(sys.exit, 'message')
attempt(sys.getrefcount)

attempt(sys.set_int_max_str_digits, 5)
attempt(sys.get_int_max_str_digits)
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.exc_info())
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None)
    print(repr(sys.exception()))
print(sys.exc_info(), sys.exception())
print(type(sys.getsizeof([])).__name__, sys.getsizeof(1) > 0, sys.getsizeof(object(), 5) > 0)
