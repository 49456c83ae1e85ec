# A TextIOWrapper subclass whose __init__ takes other arguments and sets
# the wrapper up through super().__init__(); before that, the object acts
# as an uninitialized one instead of failing at construction.
import io


class StdIOBuffer(io.TextIOWrapper):
    def __init__(self, initial='', newline='\n'):
        super().__init__(io.BufferedWriter(io.BytesIO(initial.encode('utf-8'))),
                         'utf-8', newline=newline)

    def getvalue(self):
        self.flush()
        return self.buffer.raw.getvalue().decode('utf-8')


out = StdIOBuffer()
print('hello', file=out)
out.write('second line\n')
print(repr(out.getvalue()), out.encoding, out.errors, type(out).__name__)


class Lazy(io.TextIOWrapper):
    def __init__(self, tag):
        self.tag = tag

lazy = Lazy('t')
print(lazy.tag)
print(lazy.encoding)
for action in (lambda: lazy.errors, lambda: lazy.write('x'), lambda: lazy.read(),
               lambda: repr(lazy)):
    try:
        action()
        print('no error')
    except ValueError as e:
        print('ValueError')


class Plain(io.TextIOWrapper):
    pass

p = Plain(io.BytesIO(b'abc\ndef\n'), encoding='ascii')
print(p.readline(), p.encoding, list(p))
try:
    Plain()
except TypeError:
    print('TypeError without buffer')
t = io.TextIOWrapper(io.BytesIO(b'xyz'), encoding='latin-1')
print(t.read(), t.encoding)
