class Temp:
    unit = "C"
    def __init__(self, deg):
        self.deg = deg
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))
    @staticmethod
    def is_valid(deg):
        return deg > -273.15
    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.unit
class Kelvin(Temp):
    unit = "K"
t = Temp.from_f(212)
print(t.deg, type(t).__name__, Temp.is_valid(-300), t.is_valid(0))
print(Temp.describe(), Kelvin.describe(), type(Kelvin.from_f(32)).__name__)
