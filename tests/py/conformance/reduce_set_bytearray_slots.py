# set, frozenset and bytearray subclasses with __slots__ keep the slot
# values through copy and pickle (their __reduce__ uses __getstate__).
import copy
import pickle


class SlotSet(set):
    __slots__ = ("x", "__dict__")


class SlotFrozen(frozenset):
    __slots__ = ("x",)


class SlotBytes(bytearray):
    __slots__ = ("x", "y")


s = SlotSet([1, 2])
s.x = "sx"
s.extra = 9
f = SlotFrozen([3])
f.x = "fx"
b = SlotBytes(b"ab")
b.x = "bx"
for obj in (s, f, b):
    print(type(obj).__name__, obj.__reduce__()[2])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        dup = pickle.loads(pickle.dumps(obj, proto))
        assert dup == obj and type(dup) is type(obj) and dup.x == obj.x, proto
    dup = copy.copy(obj)
    print(sorted(dup), dup.x, getattr(dup, "extra", None))
try:
    copy.copy(b).y
except AttributeError as e:
    print("AttributeError", e)
print(set([1]).__reduce__(), bytearray(b"z").__reduce__())


class Custom(set):
    def __getstate__(self):
        return {"custom": True}


print(Custom([5]).__reduce__())
