class Obj:
    pass
o = Obj()
setattr(o, "name", "x")
print(getattr(o, "name"), getattr(o, "missing", "dflt"), hasattr(o, "name"), hasattr(o, "nope"))
delattr(o, "name")
print(hasattr(o, "name"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print(e)
try:
    o.other
except AttributeError as e:
    print(e)
try:
    Obj.nothing
except AttributeError as e:
    print(e)
try:
    (5).foo
except AttributeError as e:
    print(e)
try:
    del o.ghost
except AttributeError as e:
    print(e)
