print(repr("a"), repr(1), repr(1.0), repr(None), repr([1, "a"]), repr((1,)))
print(ascii("héllo"), ascii(["ü"]), ascii(1))
print(format(3.14159, ".2f"), format(42, "x"), format("a", ">3"))
print(str(1) + repr("1"))
