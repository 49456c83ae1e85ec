# A file is flushed and closed when its last reference goes away.
import os

d = '_tmp_dealloc_%d' % os.getpid()
os.mkdir(d)
p = os.path.join(d, 'f')
open(p, 'w').write('one')
print(open(p).read())
f = open(p, 'a')
f.write(' two')
del f
print(open(p).read())
def helper():
    g = open(p, 'ab')
    g.write(b' three')
helper()
with open(p, 'rb') as f:
    print(f.read())
os.remove(p)
os.rmdir(d)
