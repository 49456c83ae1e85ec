# sys.stdout.buffer and friends: the binary layer under the standard
# streams. Text is flushed before bytes are written, so the order is the
# same whatever buffering CPython's two layers use.
import sys

out = sys.stdout.buffer
print("one object per stream:", out is sys.stdout.buffer, sys.stdin.buffer is sys.stdin.buffer)
sys.stdout.flush()
print("written:", out.write(b"raw bytes\n"), out.write(bytearray(b"bytearray\n")),
      out.write(memoryview(b"view\n")), out.write(b""))
out.flush()
print("caf\u00e9 as text")
sys.stdout.flush()
out.write("caf\u00e9 as bytes\n".encode("utf-8"))
out.flush()
print(out.mode, sys.stdin.buffer.mode, sys.stderr.buffer.mode)
print(out.writable(), out.readable(), sys.stdin.buffer.readable())
print(out.fileno() == sys.stdout.fileno(), out.name, sys.stdin.buffer.name)
print(repr(sys.stdin.buffer))
print("stdin at EOF:", sys.stdin.buffer.read(), sys.stdin.buffer.readline(), list(sys.stdin.buffer))
for bad in ("text", 42, None):
    try:
        out.write(bad)
    except TypeError as err:
        print("TypeError", err)
try:
    sys.stdin.buffer.write(b"x")
except OSError as err:
    print("not writable:", type(err).__name__)
print(out.closed, sys.stderr.buffer.closed)
