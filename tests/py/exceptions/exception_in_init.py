class Fragile:
    def __init__(self, ok):
        if not ok:
            raise RuntimeError("construction failed")
        self.ok = ok
try:
    Fragile(False)
except RuntimeError as e:
    print(e)
print(Fragile(True).ok)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(e)
