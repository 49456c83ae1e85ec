# Iterator and view types have no constructor: calling them is a TypeError.
samples = [iter(""), iter([]), iter(()), reversed([]), iter({}),
           {}.keys(), {}.values(), {}.items(), iter(set()), iter(range(3)),
           iter(b""), iter(bytearray())]
for obj in samples:
    t = type(obj)
    try:
        t()
        print(t.__name__, "created")
    except TypeError as e:
        print(t.__name__, "TypeError:", e)
# Types with constructors still work, including object and plain classes.
class Plain:
    pass
print(type(object()).__name__, type(Plain()).__name__, list(range(2)), type(reversed([]))  is not None)
