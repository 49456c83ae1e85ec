# Creating, renaming and removing files and directories.
import os
import tempfile

base = tempfile.mkdtemp()
def rel(p):
    return os.path.relpath(p, base)
d = os.path.join(base, 'd')
os.mkdir(d)
try:
    os.mkdir(d)
except FileExistsError as e:
    print(type(e).__name__, e.errno, rel(e.filename))
os.makedirs(os.path.join(d, 'x', 'y', 'z'))
os.makedirs(os.path.join(d, 'x', 'y'), exist_ok=True)
try:
    os.makedirs(os.path.join(d, 'x', 'y'))
except FileExistsError as e:
    print('FileExistsError', rel(e.filename))
f = os.path.join(d, 'f.txt')
open(f, 'w').close()
try:
    os.makedirs(f, exist_ok=True)
except FileExistsError as e:
    print('FileExistsError', rel(e.filename))
os.rename(f, os.path.join(d, 'g.txt'))
print(sorted(os.listdir(d)))
try:
    os.rename(f, os.path.join(d, 'h.txt'))
except FileNotFoundError as e:
    print(type(e).__name__, rel(e.filename), rel(e.filename2))
    print(str(e).replace(base + '/', ''))
open(f, 'w').close()
os.replace(f, os.path.join(d, 'g.txt'))
print(sorted(os.listdir(d)))
try:
    os.rmdir(d)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.remove(d)
except IsADirectoryError as e:
    print(type(e).__name__, e.errno)
except PermissionError as e:
    print('IsADirectoryError', 21)
try:
    os.remove(os.path.join(d, 'missing'))
except FileNotFoundError as e:
    print(type(e).__name__, str(e).replace(base + '/', ''))
os.unlink(os.path.join(d, 'g.txt'))
os.removedirs(os.path.join(d, 'x', 'y', 'z'))
print(os.path.exists(d), os.path.exists(base))
os.mkdir(base)
open(os.path.join(base, 'r1'), 'w').close()
os.renames(os.path.join(base, 'r1'), os.path.join(base, 'n1', 'n2', 'r2'))
print(sorted(os.listdir(base)), os.listdir(os.path.join(base, 'n1', 'n2')))
os.remove(os.path.join(base, 'n1', 'n2', 'r2'))
os.removedirs(os.path.join(base, 'n1', 'n2'))
print(os.path.exists(base))
