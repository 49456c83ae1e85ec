class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("deleted", self.name)
t = Tracked("first")
print("created")
del t
print("after del")
t = Tracked("second")
t = Tracked("third")
print("rebound")
def scope():
    local = Tracked("local")
    print("leaving scope")
scope()
print("after scope")
items = [Tracked("in-list")]
items.clear()
print("end of script")
