class Recorder:
    def __getitem__(self, key):
        return ("get", key)
    def __setitem__(self, key, value):
        print("set", key, value)
    def __delitem__(self, key):
        print("del", key)
r = Recorder()
print(r[1], r[1:3], r[::2], r["k"])
r[0] = "a"
r[1:2] = [9]
del r[5]
del r[:]
