# os.stat, os.lstat, os.fstat and the stat_result record.
import os
import stat
import tempfile

base = tempfile.mkdtemp()
p = os.path.join(base, 'a.txt')
with open(p, 'w') as f:
    f.write('hello\n')
st = os.stat(p)
print(type(st).__name__, st.st_size, len(st), st[6], st.st_size == st[stat.ST_SIZE])
print(type(st.st_mtime).__name__, type(st[8]).__name__, type(st.st_mtime_ns).__name__)
print(st.st_mtime_ns // 10**9 == st[8] == int(st.st_mtime))
print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), stat.S_IMODE(st.st_mode) & 0o400 != 0)
print(stat.S_ISDIR(os.stat(base).st_mode), stat.filemode(os.stat(base).st_mode)[0])
print(st.st_nlink, st.st_uid == os.getuid(), st.st_ino == os.lstat(p).st_ino)
with open(p) as f:
    print(os.fstat(f.fileno()).st_size)
os.symlink('a.txt', os.path.join(base, 'link'))
print(stat.S_ISLNK(os.lstat(os.path.join(base, 'link')).st_mode),
      stat.S_ISLNK(os.stat(os.path.join(base, 'link')).st_mode),
      stat.S_ISLNK(os.stat(os.path.join(base, 'link'), follow_symlinks=False).st_mode))
os.utime(p, (1000000000, 1500000000))
st = os.stat(p)
print(st.st_atime, st.st_mtime, st[8], st.st_mtime_ns)
os.utime(p, ns=(1, 2000000000123456789))
print(os.stat(p).st_mtime_ns)
os.chmod(p, 0o600)
print(oct(stat.S_IMODE(os.stat(p).st_mode)), stat.filemode(os.stat(p).st_mode))
try:
    os.stat(os.path.join(base, 'missing'))
except FileNotFoundError as e:
    print(e.errno, e.strerror, os.path.basename(e.filename))
try:
    os.stat(1.5)
except TypeError as e:
    print(e)
try:
    os.stat('a\0b')
except ValueError as e:
    print(e)
os.remove(os.path.join(base, 'link'))
os.remove(p)
os.rmdir(base)
