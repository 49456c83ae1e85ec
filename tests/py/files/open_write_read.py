# open() in text mode: write, read back, attributes, with-blocks.
import os

d = '_tmp_open_write_read_%d' % os.getpid()
os.mkdir(d)
p = os.path.join(d, 'f.txt')
with open(p, 'w') as f:
    print(f.write('héllo\nwörld\n'), f.tell())
    print(f.name == p, f.mode, f.encoding, f.errors, f.closed)
    print(f.readable(), f.writable(), f.seekable(), f.isatty(), f.line_buffering)
print(f.closed)
with open(p) as f:
    print(repr(f.read(3)), f.tell())
    print(repr(f.readline()), repr(f.readline(2)), repr(f.read()))
    f.seek(0)
    print(repr(f.read()))
    print(repr(f.read()), repr(f.readline()))
with open(p, 'a') as f:
    f.write('more\n')
with open(p) as f:
    print(f.readlines())
with open(p) as f:
    print([line for line in f])
with open(p, 'w') as f:
    f.writelines(['a\n', 'b\n', 'c'])
with open(p) as f:
    print(f.read().splitlines())
open(p, 'w').write('written without close')
print(open(p).read())
os.remove(p)
os.rmdir(d)
