# tell() and seek() on text files: byte-offset cookies, relative seeks.
import io
import os

d = '_tmp_text_seek_%d' % os.getpid()
os.mkdir(d)
p = os.path.join(d, 'f.txt')
with open(p, 'w') as f:
    f.write('first\nsecond\nthird\n')
with open(p) as f:
    print(f.readline(), end='')
    pos = f.tell()
    print(pos, f.readline(), end='')
    f.seek(pos)
    print(f.readline(), end='')
    print(f.seek(0, io.SEEK_END), repr(f.read()))
    print(f.seek(0), f.read(5))
    for args in ((1, 1), (1, 2), (-1, 0), (0, 9)):
        try:
            f.seek(*args)
        except (ValueError, OSError) as e:
            print(type(e).__name__, e)
with open(p, 'r+') as f:
    f.seek(0, 2)
    f.write('fourth\n')
    f.seek(0)
    print(f.read().split())
    print(f.truncate(5), f.tell())
with open(p) as f:
    print(repr(f.read()))
os.remove(p)
os.rmdir(d)
