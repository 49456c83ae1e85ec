class Walker:
    def move(self):
        return "walk"
    def legs(self):
        return 2
class Swimmer:
    def move(self):
        return "swim"
    def fins(self):
        return True
class Duck(Walker, Swimmer):
    pass
class Fish(Swimmer, Walker):
    pass
d, f = Duck(), Fish()
print(d.move(), d.legs(), d.fins(), f.move())
print(Duck.__mro__[1].__name__, Fish.__mro__[1].__name__)
