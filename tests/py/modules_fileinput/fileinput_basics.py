# fileinput: several files as one stream with per-file and total line
# numbers, nextfile(), the module-level state, openhooks, binary mode,
# in-place editing with and without a backup, and the errors.
import fileinput
import os
import tempfile

root = tempfile.mkdtemp()


def make(name, text, mode="w"):
    path = os.path.join(root, name)
    with open(path, mode) as f:
        f.write(text)
    return path


a = make("a.txt", "a1\na2\na3\n")
b = make("b.txt", "b1\nb2")
empty = make("empty.txt", "")
c = make("c.txt", "c1\nc2\nc3\n")

for line in fileinput.input([a, empty, b]):
    print(os.path.basename(fileinput.filename()), fileinput.lineno(),
          fileinput.filelineno(), fileinput.isfirstline(), fileinput.isstdin(), repr(line))
print("after loop", fileinput.lineno())
fileinput.close()
try:
    fileinput.filename()
except RuntimeError as err:
    print("RuntimeError", err)

with fileinput.FileInput((a, c)) as stream:
    for line in stream:
        if stream.filelineno() == 2:
            print("skipping the rest of", os.path.basename(stream.filename()))
            stream.nextfile()
            continue
        print(repr(line))

first = fileinput.input(a)
next(first)
try:
    fileinput.input(b)
except RuntimeError as err:
    print("RuntimeError", err)
fileinput.close()

print(list(fileinput.FileInput(b, mode="rb")))
latin = make("latin.txt", "caf\xe9\n".encode("latin-1"), "wb")
print(list(fileinput.FileInput(latin, openhook=fileinput.hook_encoded("latin-1"))))
print(list(fileinput.FileInput(latin, encoding="latin-1")))

for line in fileinput.input(c, inplace=True):
    print(line.rstrip().upper() + "!")
with open(c) as f:
    print("edited:", f.read().split())
print("no backup left:", sorted(os.listdir(root)))
for line in fileinput.input(a, inplace=True, backup=".orig"):
    if "2" not in line:
        print(line, end="")
with open(a) as f, open(a + ".orig") as g:
    print("edited:", f.read().split(), "backup:", g.read().split())

for bad in (lambda: fileinput.FileInput(a, mode="w"),
            lambda: fileinput.FileInput(a, inplace=True, openhook=open),
            lambda: fileinput.FileInput(a, openhook="nope")):
    try:
        bad()
    except ValueError as err:
        print("ValueError", err)
try:
    list(fileinput.FileInput(os.path.join(root, "missing.txt")))
except FileNotFoundError as err:
    print("FileNotFoundError", err.errno)

for name in sorted(os.listdir(root)):
    os.unlink(os.path.join(root, name))
os.rmdir(root)
