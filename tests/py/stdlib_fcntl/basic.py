# fcntl: descriptor flags, flock/lockf, structure arguments, ioctl on a pipe
# (FIONREAD), and the argument errors.
import fcntl
import os
import struct
import tempfile

print(fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN, fcntl.F_GETFL,
      fcntl.F_SETFD, fcntl.FD_CLOEXEC, fcntl.F_RDLCK, fcntl.F_WRLCK, fcntl.F_UNLCK)
fd, path = tempfile.mkstemp()
try:
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    print(flags & os.O_ACCMODE == os.O_RDWR)
    print(fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK))
    print(bool(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_NONBLOCK))
    fcntl.fcntl(fd, fcntl.F_SETFD, fcntl.FD_CLOEXEC)
    print(fcntl.fcntl(fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
    dup = fcntl.fcntl(fd, fcntl.F_DUPFD, 100)
    print(dup >= 100)
    os.close(dup)
    with open(path, 'r+') as f:
        print(fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB))
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
        print(fcntl.lockf(f, fcntl.LOCK_EX, 10, 0))
        fcntl.lockf(f, fcntl.LOCK_UN)
        fcntl.lockf(f, fcntl.LOCK_SH | fcntl.LOCK_NB, 0, 0, os.SEEK_SET)
        try:
            fcntl.lockf(f, 0x40)
        except ValueError as exc:
            print('ValueError:', exc)
    query = struct.pack('hhqqi', fcntl.F_WRLCK, 0, 0, 0, 0)
    answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
    print(type(answer).__name__, len(answer), struct.unpack('hhqqi', answer)[0] == fcntl.F_UNLCK)
finally:
    os.close(fd)
    os.unlink(path)

r, w = os.pipe()
os.write(w, b'abcde')
FIONREAD = 0x541B
print(struct.unpack('i', fcntl.ioctl(r, FIONREAD, b'\0\0\0\0'))[0])
print(struct.unpack('i', fcntl.ioctl(r, FIONREAD, '    '))[0])
os.close(r)
os.close(w)

for args in [(-1, fcntl.F_GETFL), ('x', fcntl.F_GETFL), (9999, fcntl.F_GETFL),
             (0, fcntl.F_GETFL, b'x' * 2000)]:
    try:
        fcntl.fcntl(*args)
    except (OSError, ValueError, TypeError) as exc:
        print(type(exc).__name__, exc)
try:
    fcntl.flock(9999, fcntl.LOCK_SH)
except OSError as exc:
    print('OSError', exc.errno)
