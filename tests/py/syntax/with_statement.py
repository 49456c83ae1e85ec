class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("<%s>" % self.name)
        return self
    def __exit__(self, *exc):
        print("</%s>" % self.name)
with Tag("html"):
    with Tag("body") as b, Tag("p"):
        print("text in", b.name)
with Tag("a") as t:
    pass
print(t.name)
try:
    with 5:
        pass
except TypeError as e:
    print(e)
