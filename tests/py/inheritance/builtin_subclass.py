class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list), type(ml).__name__)
class UpperDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)
d = UpperDict()
d["a"] = 1
print(d, d["A"])
class MyInt(int):
    def double(self):
        return self * 2
n = MyInt(21)
print(n.double(), n + 1, type(n + 1).__name__, isinstance(n, int))
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
print(MyStr("hey").shout(), MyStr("a") == "a")
