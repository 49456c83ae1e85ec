# Universal newlines on read and newline translation on write.
import os

d = '_tmp_newlines_%d' % os.getpid()
os.mkdir(d)
p = os.path.join(d, 'f')
with open(p, 'wb') as f:
    f.write(b'a\r\nb\rc\nd\r\n\r\ne')
for nl in (None, '', '\n', '\r', '\r\n'):
    with open(p, newline=nl) as f:
        print(repr(nl), f.readlines())
    with open(p, newline=nl) as f:
        print(repr(nl), repr(f.read()))
    with open(p, newline=nl) as f:
        print(repr(nl), repr(f.read(4)), repr(f.read(3)))
for nl in (None, '', '\n', '\r', '\r\n'):
    with open(p, 'w', newline=nl) as f:
        f.write('x\ny\r\nz')
    with open(p, 'rb') as f:
        print(repr(nl), f.read())
with open(p, 'wb') as f:
    f.write(b'ends with cr\r')
with open(p) as f:
    print(f.readlines())
os.remove(p)
os.rmdir(d)
