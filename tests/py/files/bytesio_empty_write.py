import io
b = io.BytesIO(b"")
print(b.write(b""), b.getvalue(), b.tell())
b.seek(5)
print(b.write(b""), b.getvalue(), b.tell())
