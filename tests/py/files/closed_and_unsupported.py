# Operations on closed files and unsupported directions.
import io
import os

d = '_tmp_closed_%d' % os.getpid()
os.mkdir(d)
p = os.path.join(d, 'f.txt')
with open(p, 'w') as f:
    f.write('data\n')

def attempt(label, op):
    try:
        op()
        print(label, 'ok')
    except (ValueError, OSError) as e:
        print(label, type(e).__name__, e)

f = open(p)
f.close()
f.close()
for label, op in [('read', f.read), ('readline', f.readline), ('write', lambda: f.write('x')),
                  ('tell', f.tell), ('next', lambda: next(f)), ('iter', lambda: iter(f)),
                  ('flush', f.flush), ('seek', lambda: f.seek(0)), ('readlines', f.readlines),
                  ('enter', f.__enter__)]:
    attempt('text ' + label, op)
f = open(p, 'rb')
f.close()
for label, op in [('read', f.read), ('readline', f.readline), ('write', lambda: f.write(b'x')),
                  ('next', lambda: next(f)), ('iter', lambda: iter(f)), ('flush', f.flush),
                  ('seek', lambda: f.seek(0)), ('readlines', f.readlines)]:
    attempt('binary ' + label, op)
f = open(p, 'rb', buffering=0)
f.close()
for label, op in [('read', f.read), ('write', lambda: f.write(b'x')), ('tell', f.tell),
                  ('fileno', f.fileno), ('flush', f.flush), ('seek', lambda: f.seek(0))]:
    attempt('raw ' + label, op)
print(repr(f))
with open(p, 'w') as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e, isinstance(e, OSError), isinstance(e, ValueError))
    try:
        f.write(b'x')
    except TypeError as e:
        print(e)
with open(p) as f:
    try:
        f.write('x')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
with open(p, 'rb') as f:
    try:
        f.write(b'x')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
with open(p, 'wb') as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation', e)
    try:
        f.write('text')
    except TypeError as e:
        print(e)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
os.remove(p)
os.rmdir(d)
