for w in range(0, 8, 2):
    print(repr("abc".ljust(w)), repr("abc".rjust(w, ".")), repr("abc".center(w, "=")))
print(repr("".center(3)), repr("ab".center(3)), repr("ab".center(4, "*")))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(e)
