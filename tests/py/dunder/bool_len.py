class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Truthy:
    def __bool__(self):
        return False
print(bool(Empty()), bool(Full()), bool(Truthy()), len(Full()))
print("yes" if Full() else "no", not Empty())
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
