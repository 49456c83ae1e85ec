# Binary files: read(n), readline, seek/tell with whence, truncate, iteration.
import io
import os

d = '_tmp_binary_seek_%d' % os.getpid()
os.mkdir(d)
p = os.path.join(d, 'f.bin')
with open(p, 'wb') as f:
    f.write(bytes(range(256)) * 4)
    f.write(b'line1\nline2\nlast')
    print(f.tell())
with open(p, 'rb') as f:
    print(f.read(4), f.tell())
    print(f.seek(10), f.read(2))
    print(f.seek(5, io.SEEK_CUR), f.read(1))
    print(f.seek(-4, io.SEEK_END), f.read())
    print(f.seek(1024), f.readline(), f.readline(3), f.readlines())
    f.seek(0)
    print(len(f.read()), f.read(), f.read(10))
    f.seek(1024)
    print(list(f))
    print(f.seek(0, 2), f.tell())
    try:
        f.seek(0, 7)
    except ValueError as e:
        print(e)
with open(p, 'r+b') as f:
    f.seek(1024)
    print(f.truncate(), f.tell())
    f.write(b'xyz')
    f.seek(0, 2)
    print(f.tell())
    print(f.truncate(3))
    f.seek(0)
    print(f.read())
with open(p, 'rb', buffering=0) as f:
    print(f.read(2), f.readall(), f.read())
big = bytes(range(256)) * 1000
with open(p, 'wb') as f:
    f.write(big)
with open(p, 'rb') as f:
    chunks = []
    while True:
        c = f.read(70000)
        if not c:
            break
        chunks.append(len(c))
    print(chunks)
with open(p, 'rb') as f:
    print(f.read(10) == big[:10], f.read(100000) == big[10:100010], f.read() == big[100010:])
os.remove(p)
os.rmdir(d)
