# A write that cannot complete raises OSError; it is never silently short.
import errno
import os

try:
    with open('/dev/full', 'w') as f:
        f.write('x' * 100000)
except OSError as e:
    print('with open /dev/full:', type(e).__name__, e.errno == errno.ENOSPC, e.strerror)

f = open('/dev/full', 'wb', buffering=0)
try:
    f.write(b'abc')
except OSError as e:
    print('unbuffered:', type(e).__name__, e.errno == errno.ENOSPC)
f.close()

f = open('/dev/full', 'wb')
f.write(b'abc')  # buffered: nothing reaches the device yet
try:
    f.flush()
except OSError as e:
    print('flush:', type(e).__name__, e.errno == errno.ENOSPC)
try:
    f.close()
except OSError as e:
    print('close:', type(e).__name__)
print('closed after failed close:', f.closed)

fd = os.open('/dev/full', os.O_WRONLY)
try:
    os.write(fd, b'x')
except OSError as e:
    print('os.write:', type(e).__name__, e.errno == errno.ENOSPC)
os.close(fd)
