# stat: the file-type tests on every type, S_IMODE/S_IFMT, filemode() for
# each type and every special permission bit, and the constant values.
import os
import stat
import tempfile

kinds = [("dir", stat.S_IFDIR), ("chr", stat.S_IFCHR), ("blk", stat.S_IFBLK), ("reg", stat.S_IFREG),
         ("fifo", stat.S_IFIFO), ("lnk", stat.S_IFLNK), ("sock", stat.S_IFSOCK), ("none", 0)]
tests = [stat.S_ISDIR, stat.S_ISCHR, stat.S_ISBLK, stat.S_ISREG, stat.S_ISFIFO, stat.S_ISLNK,
         stat.S_ISSOCK, stat.S_ISDOOR, stat.S_ISPORT, stat.S_ISWHT]
for name, kind in kinds:
    mode = kind | 0o644
    print(name, oct(stat.S_IFMT(mode)), oct(stat.S_IMODE(mode)), [t.__name__ for t in tests if t(mode)],
          stat.filemode(mode))

for perm in (0, 0o777, 0o4755, 0o4644, 0o2755, 0o2645, 0o1777, 0o1776, 0o7777, 0o7000, 0o0421, 0o0124):
    print(oct(perm), stat.filemode(stat.S_IFREG | perm), stat.filemode(stat.S_IFDIR | perm))
print(stat.filemode(0o170000 | 0o755), stat.filemode(0o160000), stat.S_IMODE(0o177777), oct(stat.S_IFMT(0o177777)))

print([getattr(stat, n) for n in ("ST_MODE", "ST_INO", "ST_DEV", "ST_NLINK", "ST_UID", "ST_GID",
                                   "ST_SIZE", "ST_ATIME", "ST_MTIME", "ST_CTIME")])
print([oct(getattr(stat, n)) for n in ("S_ISUID", "S_ISGID", "S_ENFMT", "S_ISVTX", "S_IREAD", "S_IWRITE",
                                        "S_IEXEC", "S_IRWXU", "S_IRUSR", "S_IWUSR", "S_IXUSR", "S_IRWXG",
                                        "S_IRGRP", "S_IWGRP", "S_IXGRP", "S_IRWXO", "S_IROTH", "S_IWOTH",
                                        "S_IXOTH", "S_IFDOOR", "S_IFPORT", "S_IFWHT")])

# On real files.
base = tempfile.mkdtemp()
path = os.path.join(base, "f")
with open(path, "w") as f:
    f.write("x")
os.chmod(path, 0o640)
st = os.stat(path)
print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), stat.filemode(st.st_mode), oct(stat.S_IMODE(st.st_mode)))
print(stat.S_ISDIR(os.stat(base).st_mode), stat.filemode(os.stat(base).st_mode)[0])
os.symlink(path, path + ".lnk")
print(stat.S_ISLNK(os.lstat(path + ".lnk").st_mode), stat.filemode(os.lstat(path + ".lnk").st_mode)[0])
os.remove(path + ".lnk")
os.remove(path)
os.rmdir(base)
