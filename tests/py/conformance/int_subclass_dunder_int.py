# int(x) for an int subclass calls the subclass's own __int__ when it
# defines one (CPython's nb_int slot), and checks what that returns.


class Three(int):
    def __int__(self):
        return 3


class Inherits(int):
    pass


class Wrong(int):
    def __int__(self):
        return 4.5


class Sub(int):
    pass


print(int(Three(10)), type(int(Three(10))).__name__)
print(int(Inherits(10)), type(int(Inherits(10))).__name__)
try:
    int(Wrong(1))
except TypeError as exc:
    print("TypeError:", exc)
# With a base the text path is used and __int__ is not consulted.
print(int("11", 2), int(Three(5)) + 1)
