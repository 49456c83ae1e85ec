# os.walk top-down and bottom-up.
import os
import tempfile

base = tempfile.mkdtemp()
for d in ('a', 'a/b', 'a/b/c', 'd'):
    os.makedirs(os.path.join(base, d))
for f in ('top.txt', 'a/one.txt', 'a/b/two.txt', 'd/three.txt', 'd/four.txt'):
    open(os.path.join(base, f), 'w').close()
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
print('--')
for root, dirs, files in os.walk(base, topdown=False):
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
print('--')
for root, dirs, files in os.walk(base):
    if 'a' in dirs:
        dirs.remove('a')
    print(os.path.relpath(root, base), sorted(files))
print(list(os.walk(os.path.join(base, 'missing'))))
errors = []
list(os.walk(os.path.join(base, 'missing'), onerror=errors.append))
print([type(e).__name__ for e in errors])
for root, dirs, files in os.walk(base, topdown=False):
    for f in files:
        os.remove(os.path.join(root, f))
    os.rmdir(root)
print(os.path.exists(base))
