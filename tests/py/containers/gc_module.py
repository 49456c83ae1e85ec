# the gc module: collecting cycles and the switches
import gc
gc.collect()
a = []
b = [a]
a.append(b)
del a, b
print(gc.collect())
d = {}
d["self"] = d
del d
print(gc.collect())
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.get_threshold()[0] > 0, len(gc.get_count()))
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": []}), gc.is_tracked(1), gc.is_tracked("s"))
keep = [1]
keep.append(keep)
print(gc.collect(), keep[0])
class Node:
    pass
n = Node()
n.me = n
del n
print(gc.collect() >= 1)
for bad in ("gc.collect(5)", "gc.enable(1)", "gc.set_threshold()"):
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
print(gc.garbage)
