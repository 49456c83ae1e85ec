# Leaving a `with` block calls the stream's close() through the attribute,
# so a subclass that overrides close() is asked, for every io class.
import io
import os
import tempfile


class KeepStringIO(io.StringIO):
    def close(self):
        print('StringIO subclass close')


class KeepBytesIO(io.BytesIO):
    def close(self):
        print('BytesIO subclass close')
        super().close()


with KeepStringIO() as s:
    s.write('kept')
print(s.closed, s.getvalue())
io.StringIO.close(s)  # closed for real, so no finaliser calls close() again
with KeepBytesIO(b'abc') as b:
    pass
print(b.closed)

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'f.txt')


class LoudFileIO(io.FileIO):
    def close(self):
        print('FileIO subclass close')
        super().close()


class LoudText(io.TextIOWrapper):
    def close(self):
        print('TextIOWrapper subclass close')
        super().close()


class LoudBuffered(io.BufferedWriter):
    def close(self):
        print('BufferedWriter subclass close')
        super().close()


with LoudFileIO(path, 'w') as f:
    f.write(b'x')
print(f.closed)
with LoudBuffered(io.FileIO(path, 'w')) as bw:
    bw.write(b'yy')
print(bw.closed)
with LoudText(io.BufferedReader(io.FileIO(path)), encoding='utf-8') as t:
    print(t.read())
print(t.closed)
os.remove(path)
os.rmdir(tmp)
