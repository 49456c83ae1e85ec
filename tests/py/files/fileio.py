# io.FileIO, the raw layer, and open() on a file descriptor.
import io
import os

d = '_tmp_fileio_%d' % os.getpid()
os.mkdir(d)
p = os.path.join(d, 'f')
f = io.FileIO(p, 'w')
print(f.mode, f.closefd, f.write(b'abc'), f.tell(), f.writable(), f.readable())
f.close()
print(f.closed)
with io.FileIO(p) as f:
    print(f.mode, f.read(1), f.read(), f.read(), f.seek(0), f.readall())
    print(repr(f).startswith('<_io.FileIO name='))
fd = os.open(p, os.O_RDONLY)
with open(fd, closefd=False) as f:
    print(f.read(), f.name == fd)
print(os.read(fd, 10))
os.close(fd)
fd = os.open(p, os.O_RDONLY)
with open(fd, 'rb') as f:
    print(f.read())
try:
    os.close(fd)
except OSError as e:
    print('OSError', e.errno)
try:
    io.FileIO(p, 'rw')
except ValueError as e:
    print(e)
try:
    open(p, closefd=False)
except ValueError as e:
    print(e)
try:
    open(-1)
except ValueError as e:
    print(e)
os.remove(p)
os.rmdir(d)
