import gc
gc.collect()
class Res:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print("finalizing", self.name)
r1 = Res("one")
r2 = Res("two")
r1.peer = r2
r2.peer = r1
del r1, r2
print("before collect")
n = gc.collect()
print("collected something:", n > 0)
print(gc.garbage)
