# Text files in UTF-16/UTF-32: lines, partial reads, several writes, BOMs,
# newline translation, and characters whose code units contain a '\n' byte.
import io
import os
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
text = 'one \u010a\u0a0d\n\U0001f600 two\r\nthree\rfour'
for enc in ('utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be'):
    with open(p, 'w', encoding=enc, newline='') as f:
        f.write(text[:5])
        f.write(text[5:12])
        f.write(text[12:])
    with open(p, 'rb') as f:
        raw = f.read()
    print(enc, len(raw), raw[:6])
    with open(p, encoding=enc) as f:
        print([line for line in f])
    with open(p, encoding=enc, newline='') as f:
        print(f.readline(), f.readline(3), f.read(4), f.readline(), f.read())
    with open(p, encoding=enc, newline='\r\n') as f:
        print(f.readlines())
    with open(p, encoding=enc) as f:
        print(repr(f.read(1)), repr(f.read(5)), repr(f.read()))

# Appending adds no second byte order mark.
with open(p, 'w', encoding='utf-16') as f:
    f.write('a\n')
with open(p, 'a', encoding='utf-16') as f:
    f.write('b\n')
with open(p, 'rb') as f:
    print(f.read())
with open(p, encoding='utf-16') as f:
    print(f.readlines())

# A big-endian file with a BOM, read through the plain name.
with open(p, 'wb') as f:
    f.write('\ufeffx\ny\n'.encode('utf-16-be'))
with open(p, encoding='utf-16') as f:
    print(f.readlines())
with open(p, 'wb') as f:
    f.write('\ufeffx\ny\n'.encode('utf-32-be'))
with open(p, encoding='utf-32') as f:
    print(f.readlines())

# newline='\r\n' on writing translates before encoding.
with open(p, 'w', encoding='utf-16-le', newline='\r\n') as f:
    f.write('a\nb')
with open(p, 'rb') as f:
    print(f.read())

# TextIOWrapper over BytesIO.
buf = io.BytesIO('l1\nl2\n'.encode('utf-16'))
print(io.TextIOWrapper(buf, encoding='utf-16').readlines())

# A truncated file reports the codec error.
with open(p, 'wb') as f:
    f.write(b'a\x00b')
try:
    with open(p, encoding='utf-16-le') as f:
        f.read()
except UnicodeDecodeError as e:
    print(e)
os.remove(p)
os.rmdir(d)
