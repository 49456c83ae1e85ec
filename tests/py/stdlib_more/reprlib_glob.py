# reprlib and glob (on a temporary tree).
import os
import reprlib
import glob
import tempfile

# reprlib
r = reprlib.Repr()
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr(set(range(20))))
print(reprlib.repr({i: i for i in range(10)}), reprlib.repr((1,)), reprlib.repr(2 ** 200))
print(reprlib.repr([[[[[[[1]]]]]]]), reprlib.repr(frozenset()), reprlib.repr(()))
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3]), r.repr("abcdefghijklmnop"), r.repr(object)[:14])


class Node:
    def __init__(self):
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%r)" % self.children


n = Node()
n.children.append(n)
print(repr(n), Node.__repr__.__name__)

# glob
with tempfile.TemporaryDirectory() as root:
    for rel in ["a.txt", "b.txt", "c.py", ".hidden.txt", "sub/d.txt", "sub/deep/e.txt", "sub/f.py"]:
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write("x")

    def show(pattern, **kw):
        found = glob.glob(os.path.join(root, pattern), **kw)
        print(pattern, sorted(os.path.relpath(p, root) for p in found))

    show("*.txt")
    show("*.txt", include_hidden=True)
    show("?.py")
    show("[ab].txt")
    show("sub/*")
    show("*/*.txt")
    show("**/*.txt", recursive=True)
    show("**", recursive=True)
    show("**/*.txt")
    show("nothing*")
    show("a.txt")
    show("missing.txt")
    print(sorted(glob.glob("*.py", root_dir=root)), sorted(glob.iglob("**/*.py", root_dir=root, recursive=True)))
    print(glob.escape("a[b]*?.txt"), glob.has_magic("a*"), glob.has_magic("plain"))
