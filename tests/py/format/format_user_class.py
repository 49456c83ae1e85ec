class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return "$%d" % (self.cents // 100)
        return "$%d.%02d" % divmod(self.cents, 100)
    def __str__(self):
        return "Money(%d)" % self.cents
m = Money(12345)
print(format(m), format(m, "short"))
print("{} {:short}".format(m, m))
print(f"{m} {m:short} {m!s}")
print(str(m))
