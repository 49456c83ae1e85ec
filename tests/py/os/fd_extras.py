# os extras: mkfifo, pread/pwrite, fdatasync, sendfile, blocking and
# inheritable flags, pipe2, closerange, fchmod, uname, error, read/write/close
# errors on bad descriptors.
import os
import stat
import tempfile
import threading

with tempfile.TemporaryDirectory() as d:
    fifo = os.path.join(d, 'fifo')
    os.mkfifo(fifo, 0o600)
    print('fifo', stat.S_ISFIFO(os.stat(fifo).st_mode), oct(os.stat(fifo).st_mode & 0o777))
    try:
        os.mkfifo(fifo)
    except FileExistsError as e:
        print('mkfifo again', e.errno, e.filename == fifo)

    def writer():
        with open(fifo, 'wb') as w:
            w.write(b'through the fifo')
    t = threading.Thread(target=writer)
    t.start()
    with open(fifo, 'rb') as r:
        print('fifo read', r.read())
    t.join()

    p = os.path.join(d, 'f')
    fd = os.open(p, os.O_RDWR | os.O_CREAT, 0o644)
    print('write', os.write(fd, b'0123456789'))
    print('pwrite', os.pwrite(fd, b'AB', 3), 'pos', os.lseek(fd, 0, os.SEEK_CUR))
    print('pread', os.pread(fd, 5, 1), os.pread(fd, 100, 8), os.pread(fd, 4, 50))
    os.fdatasync(fd)
    os.fsync(fd)
    os.fchmod(fd, 0o600)
    print('fchmod', oct(os.fstat(fd).st_mode & 0o777))
    print('inheritable', os.get_inheritable(fd))
    os.set_inheritable(fd, True)
    print('inheritable now', os.get_inheritable(fd))
    os.set_inheritable(fd, False)
    out = os.path.join(d, 'out')
    ofd = os.open(out, os.O_WRONLY | os.O_CREAT, 0o644)
    print('sendfile', os.sendfile(ofd, fd, 2, 5))
    os.lseek(fd, 0, os.SEEK_SET)
    print('sendfile None', os.sendfile(ofd, fd, None, 3), 'in pos', os.lseek(fd, 0, os.SEEK_CUR))
    os.close(ofd)
    with open(out, 'rb') as f:
        print('copied', f.read())
    os.close(fd)

    r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
    print('pipe2 blocking', os.get_blocking(r), os.get_inheritable(r))
    try:
        os.read(r, 10)
    except BlockingIOError as e:
        print('empty nonblocking pipe', type(e).__name__, e.errno)
    os.set_blocking(r, True)
    print('blocking now', os.get_blocking(r))
    os.write(w, b'xy')
    print('pipe read', os.read(r, 10))
    os.closerange(r, r + 1)
    os.close(w)
    for fn, args in ((os.read, (r, 1)), (os.write, (r, b'x')), (os.close, (r,)),
                     (os.fstat, (r,)), (os.pread, (r, 1, 0)), (os.fsync, (r,)),
                     (os.get_blocking, (r,))):
        try:
            fn(*args)
        except OSError as e:
            print(fn.__name__, 'closed fd:', type(e).__name__, e)
    try:
        os.pread(0, -1, 0)
    except OSError as e:
        print('pread negative', type(e).__name__, e)

u = os.uname()
print('uname', type(u).__name__, u.sysname, len(u), u[0] == u.sysname)
print('error is OSError', os.error is OSError)
print('loadavg', len(os.getloadavg()))
print('affinity', os.sched_getaffinity(0) <= set(range(os.cpu_count() * 2)))
print('getpgrp int', isinstance(os.getpgrp(), int))
print('system', os.waitstatus_to_exitcode(os.system('exit 3')))
