# super() argument errors and the two-argument forms.
class Base:
    def who(self):
        return "base"

class Child(Base):
    def who(self):
        return "child>" + super().who()

for args in [(int, int, int), (1,), (Child, 5)]:
    try:
        super(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    super(Child, Child(), x=1)
except TypeError as e:
    print("TypeError:", e)
print(Child().who(), super(Child, Child()).who(), super(Child, Child).who(Child()))
