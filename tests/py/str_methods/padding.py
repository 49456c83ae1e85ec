s = "hi"
print(repr(s.center(7)), repr(s.center(7, "*")), repr(s.ljust(5)), repr(s.rjust(5, "0")))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print(repr("x".center(4)), repr("xy".center(5)))
