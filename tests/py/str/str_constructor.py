print(str(5), str(-2.5), str(True), str([1, 2]), str((1,)), str({"a": 1}))
print(str(b"abc", "ascii"), str(bytearray(b"xy"), "utf-8"), str("x"))
print(repr(str()), str(1e20), str(1e-20), str(10 ** 20))
class C:
    def __str__(self):
        return "C-str"
print(str(C()), "%s" % C(), "{}".format(C()))
