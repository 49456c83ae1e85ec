import gc
gc.collect()
a = []
a.append(a)
del a
print(gc.collect())
x = [1]
y = [x]
x.append(y)
del x, y
print(gc.collect())
d = {}
d["me"] = d
del d
print(gc.collect())
print(gc.collect())
