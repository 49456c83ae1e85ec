# Slicing through the quick paths (small-int or missing bounds, recycled
# slice and view objects) and through the general one (steps, negative and
# huge bounds, __index__ objects, bad bounds), checking both give the same
# windows; plus bytearray exports as views come and go.
import gc


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Ix:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


data = bytes(range(40))
view = memoryview(data)
seq = list(range(40))
bounds = [None, 0, 1, 5, 39, 40, 41, -1, -5, -40, -41, 2**70, -2**70, Ix(3), Ix(-2)]
rows = []
for a in bounds:
    for b in bounds:
        s = slice(a, b)
        got = view[s].tobytes()
        # The same window through bytes, a list and the slice's own indices.
        same = got == data[s] and list(got) == seq[s]
        start, stop, step = s.indices(len(data))
        same = same and got == bytes(range(start, max(start, stop)))
        rows.append(same)
print(all(rows), len(rows))

for step in [1, 2, 3, -1, -2, -7, 100, -100, Ix(2), None]:
    for a, b in [(None, None), (3, 30), (30, 3), (-3, -30), (-30, -3), (0, 0)]:
        s = slice(a, b, step)
        print(step if not isinstance(step, Ix) else 'Ix', a, b,
              view[s].tobytes() == data[s], view[s].tolist() == seq[s], len(view[s]))

# Bad bounds: the messages of the general path.
t(lambda: view[1:'a'])
t(lambda: view['a':1])
t(lambda: view[1.0:2])
t(lambda: view[::0])
t(lambda: view[::'x'])
t(lambda: data[1:2.5])
t(lambda: seq[None:'x'])

# Slice objects are unchanged by recycling: fresh fields every time.
made = [slice(i, i + 1) for i in range(5)]
del made
s1 = slice(1, 2)
s2 = slice(None, 'x', 3)
print(s1, s2, s1.start, s1.stop, s1.step, s2.step, s1 == slice(1, 2), s1 != s2)
print(gc.is_tracked(s1), gc.is_tracked(slice(1, 2, [])))
t(lambda: hash(slice(1, 2)))
print(slice(5).indices(3), slice(-1, None, -1).indices(4))

# Views made and dropped in a loop: each holds its bytearray's export only
# while it lives, and recycled views start from a clean state.
ba = bytearray(b'0123456789')
m = memoryview(ba)
total = 0
for i in range(50):
    c = m[i % 5:i % 5 + 5]
    total += c[0] + len(c)
    del c
t(lambda: ba.append(0))
m.release()
ba.append(ord('!'))
print(total, ba)

chunks = [memoryview(ba)[i:i + 2] for i in range(0, 10, 2)]
t(lambda: ba.pop())
print([c.tobytes() for c in chunks], [c.readonly for c in chunks])
del chunks
print(ba.pop(), ba)

ro = memoryview(b'readonly')[2:6]
rw = memoryview(bytearray(b'writable'))[2:6]
print(ro.readonly, rw.readonly, ro.obj, rw.obj, ro.format, rw.format)
t(lambda: ro.__setitem__(0, 1))
rw[0] = 0x41
print(rw.obj, hash(ro) == hash(b'adon'))
t(lambda: hash(rw))
c = memoryview(bytearray(8)).cast('I')[1:]
print(c.format, c.itemsize, c.nbytes, c.tolist())
w = c.toreadonly()
print(w.readonly, w.format, w.tolist())
c.release()
t(lambda: c[0:1])
t(lambda: len(c))
print(w.tolist())
