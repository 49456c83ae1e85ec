# A sequence pattern with nothing but a star ([*_], [*rest]) needs no length
# check, so len() is not called: a registered Sequence without __len__
# matches [*_]; other shapes do call len().
import collections.abc

class Registered:
    def __iter__(self):
        return iter((1, 2))

collections.abc.Sequence.register(Registered)

calls = []
class Counted(list):
    def __len__(self):
        calls.append("len")
        return super().__len__()

def kind(x):
    match x:
        case [*_]:
            return "any sequence"

def rest(x):
    match x:
        case [*items]:
            return items

def head(x):
    match x:
        case [first, *_]:
            return first
        case _:
            return "empty"

print(kind(Registered()), rest(Registered()))
c = Counted([4, 5])
print(kind(c), rest(c), calls)
print(head(c), calls)
print(head(Counted()), head([]))
try:
    head(Registered())
except TypeError as e:
    print("TypeError:", e)
