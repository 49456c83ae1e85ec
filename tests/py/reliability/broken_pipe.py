# Writing to a pipe whose reader is gone raises BrokenPipeError (SIGPIPE is ignored).
import os

r, w = os.pipe()
os.close(r)
try:
    os.write(w, b'hello')
except BrokenPipeError as e:
    print('os.write:', type(e).__name__, e.errno, e.strerror)
os.close(w)

r, w = os.pipe()
os.close(r)
f = os.fdopen(w, 'wb')
f.write(b'x' * 10)
try:
    f.flush()
except BrokenPipeError as e:
    print('flush:', type(e).__name__)
try:
    f.close()
except BrokenPipeError:
    print('close: BrokenPipeError')
print('closed:', f.closed)
