# readline(0) on a buffered binary stream returns b'' without reading, even
# when no data is available yet (http.client relies on it at a body's end).
import io
import socket

print(io.BufferedReader(io.BytesIO(b"abc\n")).readline(0))
a, b = socket.socketpair()
reader = a.makefile("rb")
print(reader.readline(0))
b.sendall(b"line one\nrest")
print(reader.readline(0), reader.readline(), reader.readline(2))
b.close()
print(reader.readline(), reader.readline(0), reader.readline())
reader.close()
a.close()
