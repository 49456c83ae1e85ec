# property docs: a doc taken from the getter follows a new getter, an
# explicit doc= is kept; a property subclass keeps the doc in the instance
# dict (its class docstring would shadow it otherwise); __isabstractmethod__
# reflects the accessors; missing-accessor errors name the class qualname.
import abc

class Explicit:
    spam = property(lambda self: 1, doc="explicit doc")

class ExplicitSub(Explicit):
    @Explicit.spam.getter
    def spam(self):
        "getter doc that must not win"
        return 2

class FromGetter:
    @property
    def ham(self):
        "first getter"
        return 1

class FromGetterSub(FromGetter):
    @FromGetter.ham.getter
    def ham(self):
        "second getter"
        return 2

print(Explicit.spam.__doc__, "|", ExplicitSub.spam.__doc__, ExplicitSub().spam)
print(FromGetter.ham.__doc__, "|", FromGetterSub.ham.__doc__, FromGetterSub().ham)

class MyProperty(property):
    "The subclass's own docstring."

class UsesSub:
    @MyProperty
    def eggs(self):
        "eggs from the getter"
        return 3
    @eggs.setter
    def eggs(self, value):
        pass

print(UsesSub.eggs.__doc__, UsesSub.eggs.__dict__)
print(MyProperty(doc="given").__doc__, MyProperty().__doc__)

class SlotProperty(property):
    __slots__ = ()
try:
    SlotProperty(lambda self: 1)
except AttributeError:
    print("AttributeError for a slotted subclass")

class Shape(abc.ABC):
    @property
    @abc.abstractmethod
    def area(self):
        ...
    @property
    def name(self):
        return "shape"

print(Shape.area.__isabstractmethod__, Shape.name.__isabstractmethod__)
print(property().__isabstractmethod__)

class Outer:
    class Inner:
        bare = property()
        named = property()

obj = Outer.Inner()
for action in ("get", "set", "del"):
    try:
        if action == "get":
            obj.named
        elif action == "set":
            obj.named = 1
        else:
            del obj.named
    except AttributeError as e:
        print(e)
p = property()
try:
    p.__get__(obj, type(obj))
except AttributeError as e:
    print(e)
