# open(..., encoding='utf-16'/'utf-32') reads and writes whole files.
import os
import tempfile

d = tempfile.mkdtemp()
for enc in ('utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le'):
    p = os.path.join(d, 'f.txt')
    with open(p, 'w', encoding=enc) as f:
        f.write('h\xe9llo\n\u20ac uro\n')
    with open(p, 'rb') as f:
        raw = f.read()
    print(enc, raw)
    with open(p, encoding=enc) as f:
        print(repr(f.read()))
    with open(p, encoding=enc) as f:
        print(f.encoding, [line for line in f])
    os.remove(p)
os.rmdir(d)
