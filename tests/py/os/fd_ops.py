# Descriptor-level calls: os.open, read, write, lseek, fsync, ftruncate, dup.
import os
import tempfile

base = tempfile.mkdtemp()
p = os.path.join(base, 'f.bin')
fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b'abcdef'), os.lseek(fd, 0, os.SEEK_CUR))
os.fsync(fd)
os.ftruncate(fd, 4)
os.close(fd)
fd = os.open(p, os.O_RDONLY)
print(os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 10), os.read(fd, 10))
print(os.lseek(fd, -1, os.SEEK_END), os.read(fd, 1), os.fstat(fd).st_size)
fd2 = os.dup(fd)
print(fd2 != fd, os.lseek(fd2, 0, os.SEEK_SET), os.read(fd, 2))
os.close(fd2)
print(os.isatty(fd))
os.close(fd)
try:
    os.open(os.path.join(base, 'missing'), os.O_RDONLY)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
try:
    os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
except FileExistsError as e:
    print(type(e).__name__, e.errno)
fd = os.open(p, os.O_WRONLY | os.O_APPEND)
os.write(fd, b'++')
os.close(fd)
with open(p, 'rb') as f:
    print(f.read())
print(os.access(p, os.F_OK), os.access(p, os.R_OK), os.access(os.path.join(base, 'no'), os.F_OK))
os.truncate(p, 2)
print(os.path.getsize(p))
old = os.umask(0o22)
print(os.umask(old) == 0o22)
os.remove(p)
os.rmdir(base)
