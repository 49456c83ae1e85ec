class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"
for a in [Animal("generic"), Dog("rex"), Puppy("bit")]:
    print(a.speak())
print(isinstance(Puppy("x"), Animal), issubclass(Puppy, Dog), issubclass(Animal, Dog))
print(Puppy.__bases__[0].__name__, Puppy.__base__.__name__)
