# Text files with a chosen codec and error handler.
import os

d = '_tmp_encodings_%d' % os.getpid()
os.mkdir(d)
p = os.path.join(d, 'f')
with open(p, 'w', encoding='utf-8') as f:
    print(f.encoding, f.write('aé€😀'))
with open(p, 'rb') as f:
    print(f.read())
with open(p, encoding='utf-8') as f:
    print(f.read(2), f.read(1), f.read())
with open(p, 'w', encoding='latin-1') as f:
    f.write('café')
with open(p, 'rb') as f:
    print(f.read())
with open(p, encoding='latin-1') as f:
    print(f.read(), f.encoding)
try:
    with open(p, encoding='utf-8') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e.reason, e.start, e.end)
for errors in ('replace', 'ignore'):
    with open(p, encoding='utf-8', errors=errors) as f:
        print(errors, repr(f.read()), f.errors)
try:
    with open(p, 'w', encoding='ascii') as f:
        f.write('é')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e.reason)
with open(p, 'w', encoding='ascii', errors='replace') as f:
    f.write('aéb')
with open(p, 'rb') as f:
    print(f.read())
with open(p, 'w', encoding='ASCII') as f:
    f.write('plain')
with open(p) as f:
    print(f.read(), f.encoding)
os.remove(p)
os.rmdir(d)
