# io.StringIO: reading, writing, seeking, newline handling and errors.
import io

s = io.StringIO('abc\ndéf\nghi')
print(s.read(2), s.tell(), repr(s.readline()), s.tell())
print(repr(s.readline(2)), repr(s.read()), s.tell())
s.seek(0)
print(s.readlines())
s.seek(0)
print(list(s))
s.seek(5)
s.write('XY')
print(repr(s.getvalue()), s.tell())
s.seek(20)
s.write('!')
print(repr(s.getvalue()), s.tell())
print(s.truncate(4), repr(s.getvalue()), s.tell())
print(s.seek(0, 2), s.seek(0, 1))
for args in ((-1,), (1, 1), (1, 2), (0, 3)):
    try:
        s.seek(*args)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
try:
    s.write(b'x')
except TypeError as e:
    print(e)
try:
    io.StringIO(b'x')
except TypeError as e:
    print(e)
try:
    s.truncate(-1)
except ValueError as e:
    print(e)
print(s.readable(), s.writable(), s.seekable(), s.closed)
s.close()
print(s.closed)
try:
    s.getvalue()
except ValueError as e:
    print(e)
with io.StringIO() as out:
    for i in range(3):
        print(i, 'x', sep='-', file=out)
    print(repr(out.getvalue()))
print(out.closed)
print(io.StringIO('a\r\nb\rc\n', newline=None).readlines())
print(repr(io.StringIO('a\r\nb\rc\n', newline=None).getvalue()))
print(io.StringIO('a\r\nb\rc\n', newline='').readlines())
print(io.StringIO('a\r\nb\rc\n').readlines())
w = io.StringIO(newline='\r\n')
w.write('x\ny')
print(repr(w.getvalue()))
big = io.StringIO()
for i in range(1000):
    big.write(str(i))
print(len(big.getvalue()), big.tell())
class Sub(io.StringIO):
    def shout(self):
        return self.getvalue().upper()
print(Sub('hey').shout(), isinstance(Sub(), io.TextIOBase))
