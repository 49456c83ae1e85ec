print(str(ValueError()), str(ValueError("one")), str(ValueError("a", 1)))
print(repr(ValueError()), repr(ValueError("one")), repr(ValueError("a", 1)))
print(str(KeyError("k")), str(KeyError("a", "b")), str(IndexError(3)))
print(repr(Exception("x")), str(BaseException("y")))
class Custom(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
c = Custom(404)
print(c, repr(c), c.code, c.args)
