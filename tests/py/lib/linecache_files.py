# linecache: reading and caching lines, out-of-range line numbers, files
# without a final newline, checkcache after a change, entries added by
# hand, names in angle brackets and relative names found through sys.path.
import linecache
import os
import sys
import tempfile

base = tempfile.mkdtemp()
path = os.path.join(base, "sample.txt")
with open(path, "w") as f:
    f.write("first\nsecond\nthird")

print([linecache.getline(path, n) for n in (-1, 0, 1, 2, 3, 4)])
lines = linecache.getlines(path)
print(lines, linecache.getlines(path) is lines)
entry = linecache.cache[path]
print(len(entry), entry[0], entry[2] is lines, entry[3] == path, type(entry[1]).__name__)

# A change of size makes checkcache drop the entry.
with open(path, "w") as f:
    f.write("changed\n")
print(linecache.getline(path, 1), end="")
linecache.checkcache(path)
print(path in linecache.cache, linecache.getline(path, 1), end="")
linecache.checkcache()
print(path in linecache.cache)

# Entries added by hand with no mtime survive checkcache.
linecache.cache["<memory>"] = (10, None, ["made up\n"], "<memory>")
linecache.checkcache()
print(linecache.getline("<memory>", 1), end="")
print(linecache.getlines("<string>"), linecache.getline("<stdin>", 1) == "", linecache.getlines(""))

# A deleted file disappears from the cache on checkcache.
os.remove(path)
linecache.checkcache(path)
print(path in linecache.cache, linecache.getlines(path), linecache.updatecache(path))

# Relative names are looked up in sys.path.
rel = os.path.join(base, "relmod.py")
with open(rel, "w") as f:
    f.write("x = 1\ny = 2\n")
sys.path.insert(0, base)
print(linecache.getline("relmod.py", 2), end="")
print(os.path.basename(linecache.cache["relmod.py"][3]))
sys.path.pop(0)
linecache.clearcache()
print(linecache.cache, linecache.getline("relmod.py", 1) == "")
print(linecache.getline(rel, 1), end="")
print(linecache.lazycache(rel, None) in (True, False), linecache.lazycache("<x>", None))
os.remove(rel)
os.rmdir(base)
print(linecache.getline(os.path.join(base, "gone.py"), 1) == "")
