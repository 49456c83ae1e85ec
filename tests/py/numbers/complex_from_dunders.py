# complex() reads __complex__ (first argument only), then __float__ / __index__,
# with CPython's messages for each way that can fail.
class C:
    def __complex__(self): return 3+4j
print(complex(C()))
class F:
    def __float__(self): return 2.5
print(complex(F()))
class I:
    def __index__(self): return 7
print(complex(I()))
class Bad:
    def __complex__(self): return 1.5
try: complex(Bad())
except TypeError as e: print(e)
try: complex(C(), 1)
except TypeError as e: print(e)
print(complex(1, C()))
try: complex(object())
except TypeError as e: print(e)
class Raises:
    def __complex__(self): raise ValueError("no")
try: complex(Raises())
except ValueError as e: print("ValueError", e)
class FI:
    def __float__(self): return 1.0
print(complex(FI(), FI()), complex(2, I()))
class BadF:
    def __float__(self): return "x"
try: complex(BadF())
except TypeError as e: print(e)
print(complex(C()) == complex(3, 4), complex(real=I()))
