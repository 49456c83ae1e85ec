import gc
gc.collect()
l = []
d = {"list": l}
l.append(d)
del l, d
print(gc.collect())
inner = []
t = (inner,)
inner.append(t)
del inner, t
print(gc.collect())
a, b, c = [], [], []
a.append(b)
b.append(c)
c.append(a)
del a, b, c
print(gc.collect())
keep = []
keep.append(keep)
print(gc.collect())
print(len(keep[0][0]))
