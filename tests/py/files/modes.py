# The modes of open(): r w a x, +, b; mode strings and the objects returned.
import io
import os

d = '_tmp_modes_%d' % os.getpid()
os.mkdir(d)
p = os.path.join(d, 'f')
with open(p, 'w+') as f:
    f.write('abc\ndef\n')
    f.seek(0)
    print(list(f), f.mode, type(f.buffer).__name__, f.buffer.mode, f.buffer.raw.mode)
with open(p, 'r+') as f:
    f.write('X')
    f.seek(0)
    print(repr(f.read()))
with open(p, 'a+') as f:
    f.write('tail\n')
    f.seek(0)
    print(repr(f.read()), f.buffer.raw.mode)
try:
    open(p, 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror, os.path.basename(e.filename))
with open(os.path.join(d, 'new'), 'x') as f:
    print(f.mode, f.buffer.raw.mode)
    f.write('created')
with open(os.path.join(d, 'new'), 'rb') as f:
    print(type(f).__name__, f.mode, f.read())
with open(p, 'wb') as f:
    print(type(f).__name__, f.mode, f.write(b'bytes\n'), f.write(bytearray(b'more')))
with open(p, 'rb', buffering=0) as f:
    print(type(f).__name__, f.mode, f.read())
with open(p, 'r+b') as f:
    print(type(f).__name__, f.mode)
with open(p, 'rt') as f:
    print(type(f).__name__, f.mode)
print(isinstance(open(p, 'rb'), io.BufferedReader), isinstance(open(p), io.TextIOWrapper))
for m in ('w+b', 'ab', 'xb'):
    q = os.path.join(d, 'm' + m.replace('+', 'p'))
    with open(q, m) as f:
        print(m, type(f).__name__, f.raw.mode)
for name in sorted(os.listdir(d)):
    os.remove(os.path.join(d, name))
os.rmdir(d)
