# A memoryview released by the __index__, __float__ or __bool__ that is
# converting its key or value must refuse the access, not touch freed
# memory; a slice taken that way stays valid.
size = 32
holder = []


def release():
    view.release()
    holder.append(bytearray(size))


class Index:
    def __index__(self):
        release()
        return 4


class Float:
    def __float__(self):
        release()
        return 2.5


class Truth:
    def __bool__(self):
        release()
        return True


def fresh(fmt="B"):
    global view
    view = memoryview(bytearray(b"\xff" * size)).cast(fmt)
    return view


actions = [
    ("get item", "B", lambda: view[Index()]),
    ("get slice stop", "B", lambda: list(view[:Index()])),
    ("get slice start", "B", lambda: list(view[Index():6])),
    ("set item", "B", lambda: view.__setitem__(Index(), 1)),
    ("set slice", "B", lambda: view.__setitem__(slice(None, Index()), b"spam")),
    ("set value int", "h", lambda: view.__setitem__(0, Index())),
    ("set value float", "d", lambda: view.__setitem__(0, Float())),
    ("set value bool", "?", lambda: view.__setitem__(0, Truth())),
]
for name, fmt, action in actions:
    fresh(fmt)
    try:
        print(name, action())
    except ValueError as e:
        print(name, "ValueError", e)

# Values with __index__ / __float__ are accepted when nothing is released.
m = memoryview(bytearray(8)).cast("h")


class Seven:
    def __index__(self):
        return 7


class Half:
    def __float__(self):
        return 0.5


m[1] = Seven()
print(m.tolist())
d = memoryview(bytearray(8)).cast("d")
d[0] = Half()
print(d.tolist())
d[0] = Seven()
print(d.tolist())
for bad_view, bad in ((d, "x"), (m, 1.5)):
    try:
        bad_view[0] = bad
    except TypeError as e:
        print("TypeError", e)
