# copy and deepcopy keep a weak reference itself (it is immutable), as CPython.
import copy
import weakref


class A:
    pass


a = A()
r = weakref.ref(a)
print(copy.copy(r) is r, copy.deepcopy(r) is r, copy.deepcopy([r])[0] is r)
holder = {"ref": r, "data": [1, 2]}
clone = copy.deepcopy(holder)
print(clone["ref"] is r, clone["data"] == [1, 2], clone["data"] is not holder["data"])
