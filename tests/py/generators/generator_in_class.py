class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def walk(self):
        yield self.value
        for child in self.children:
            yield from child.walk()
    def __iter__(self):
        return self.walk()
t = Tree(1, [Tree(2, [Tree(4)]), Tree(3)])
print(list(t), sum(t), max(t))
print([v * 10 for v in t if v % 2])
