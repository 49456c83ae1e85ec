s = slice(1, 5, 2)
print(s, s.start, s.stop, s.step)
data = list(range(10))
print(data[s], data[slice(3)], data[slice(None, None, -1)])
print(slice(None), slice(1, None))
print(s.indices(4), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
class Probe:
    def __getitem__(self, key):
        return key
p = Probe()
print(p[1:2], p[::3], p[1:2, 3], p[...], p[:])
