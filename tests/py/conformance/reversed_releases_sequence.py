# reversed() over a sequence lets go of it once exhausted, and a dict
# view's .mapping is a read-only proxy of the dict.
import gc


class Seq:
    def __init__(self, log):
        self.log = log

    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        return i

    def __del__(self):
        self.log.append("freed")


log = []
it = reversed(Seq(log))
print(list(it), log)
gc.collect()
print(log)
try:
    next(it)
except StopIteration:
    print("still exhausted")

d = {"k": 1}
for view in (d.keys(), d.values(), d.items()):
    m = view.mapping
    print(type(m).__name__, m == d, m["k"])
    try:
        m["x"] = 2
    except TypeError as e:
        print("TypeError", e)
d["new"] = 5
print(sorted(d.keys().mapping))
print(isinstance(tuple.__itemsize__, int), isinstance(list.__basicsize__, int), int.__itemsize__ > 0)
