# del on names, items, slices and attributes.
x = 1
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
lst = list(range(10))
del lst[0]
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
class C: pass
c = C()
c.attr = 5
del c.attr
print(hasattr(c, 'attr'))
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
