# A Python subclass of an io class gets its own close() called when it dies
# unclosed (IOBase's finalizer), once, whether freed by refcount or by the
# cycle collector; errors in that close() are silently dropped.
import gc
import io


class Raw(io.RawIOBase):
    def writable(self):
        return True

    def write(self, b):
        print("raw write", bytes(b))
        return len(b)

    def close(self):
        if not self.closed:
            print("Raw.close")
        super().close()


class Memory(io.BytesIO):
    def close(self):
        print("Memory.close", self.getvalue())
        super().close()


class Text(io.StringIO):
    def close(self):
        print("Text.close", self.getvalue())
        super().close()


class Plain(io.IOBase):
    def close(self):
        print("Plain.close", self.closed)
        super().close()


class Failing(io.IOBase):
    def close(self):
        print("Failing.close raises")
        raise OSError("disk on fire")


r = Raw()
del r
m = Memory(b"kept")
del m
t = Text()
t.write("unsaved")
del t
already = Plain()
already.close()
del already
print("-- no second close above")
w = io.BufferedWriter(Raw())
w.write(b"pending bytes")
del w
f = Failing()
del f
print("-- after failing close")
a, b = Plain(), Plain()
a.peer, b.peer = b, a
del a, b
print("collected", gc.collect() > 0)
print(hasattr(io.IOBase, "__del__"), "__del__" in dir(io.StringIO))
print("end")
