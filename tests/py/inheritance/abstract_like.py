class Base:
    def template(self):
        return "[" + self.step1() + "|" + self.step2() + "]"
    def step1(self):
        return "base1"
    def step2(self):
        raise NotImplementedError("subclass must implement step2")
class Impl(Base):
    def step2(self):
        return "impl2"
print(Impl().template())
try:
    Base().template()
except NotImplementedError as e:
    print(type(e).__name__, e)
