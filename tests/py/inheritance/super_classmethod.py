class Base:
    @classmethod
    def create(cls):
        return "created " + cls.__name__
    @staticmethod
    def helper():
        return "helper"
class Derived(Base):
    @classmethod
    def create(cls):
        return super().create() + " via Derived"
print(Derived.create(), Derived.helper(), Base.create())
