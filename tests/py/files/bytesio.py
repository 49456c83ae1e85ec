# io.BytesIO.
import io

b = io.BytesIO(b'hello\nworld\n')
print(b.read(3), b.tell(), b.readline(), b.readlines(), b.read())
b.seek(0)
print(list(b))
b.seek(2)
print(b.write(b'XX'), b.getvalue())
b.seek(20)
b.write(b'!')
print(b.getvalue())
print(b.truncate(5), b.getvalue(), b.tell())
print(b.seek(-2, 2), b.seek(-100, 1), b.tell())
for args in ((-1,), (0, 5)):
    try:
        b.seek(*args)
    except ValueError as e:
        print(e)
try:
    b.write('s')
except TypeError as e:
    print(e)
print(b.read1(2), b.readable(), b.writable(), b.seekable())
b.close()
print(b.closed)
try:
    b.read()
except ValueError as e:
    print(e)
print(io.BytesIO(bytearray(b'ab')).getvalue(), io.BytesIO().getvalue(), io.BytesIO(None).getvalue())
with io.BytesIO() as w:
    w.write(b'abc')
    w.write(bytearray(b'def'))
    print(w.getvalue(), w.tell())
print(w.closed, isinstance(w, io.BufferedIOBase))
