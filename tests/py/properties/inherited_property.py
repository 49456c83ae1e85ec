class Base:
    @property
    def kind(self):
        return "base:" + self.name()
    def name(self):
        return "Base"
class Sub(Base):
    def name(self):
        return "Sub"
class Over(Base):
    @property
    def kind(self):
        return "over+" + super().kind
print(Base().kind, Sub().kind, Over().kind)
