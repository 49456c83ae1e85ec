# io.TextIOWrapper over an in-memory binary stream.
import io

w = io.TextIOWrapper(io.BytesIO(b'one\ntwo\r\nthree'))
print(w.readlines(), w.encoding)
bio = io.BytesIO()
w2 = io.TextIOWrapper(bio, encoding='utf-8')
print(w2.write('héllo\n'), w2.write('x'))
w2.flush()
print(bio.getvalue())
w3 = io.TextIOWrapper(io.BytesIO(b'a\nb\nc'), newline='')
print(list(w3))
w4 = io.TextIOWrapper(io.BytesIO('é'.encode('latin-1')), encoding='latin-1')
print(w4.read())
try:
    io.TextIOWrapper(io.BytesIO(), newline='bad')
except ValueError as e:
    print(e)
print(isinstance(w, io.TextIOBase), w.buffer.getvalue())
