"""Make sense of os.stat() results: the file-type and permission bits of
st_mode, the S_IS*() type tests, and filemode(), which renders a mode the
way `ls -l` does.

Design notes
------------
The values are those of Linux (and every POSIX system gilpy runs on).
The seven file types are listed once, in _TYPES, with their bits and
their `ls` letter; the S_IS*() tests and filemode() are both derived from
that table.  Solaris doors, event ports and BSD whiteouts do not exist
here: their constants are 0 and their tests always say False.

Left out: the BSD file flags (UF_*, SF_*) and the Windows
FILE_ATTRIBUTE_* constants.
"""

# Positions in the 10-tuple form of a stat result.
ST_MODE, ST_INO, ST_DEV, ST_NLINK, ST_UID, ST_GID, ST_SIZE, ST_ATIME, ST_MTIME, ST_CTIME = range(10)

# File types (the S_IFMT part of a mode).
S_IFDIR = 0o040000
S_IFCHR = 0o020000
S_IFBLK = 0o060000
S_IFREG = 0o100000
S_IFIFO = 0o010000
S_IFLNK = 0o120000
S_IFSOCK = 0o140000
S_IFDOOR = S_IFPORT = S_IFWHT = 0

# Special bits.
S_ISUID = 0o4000                       # run as the file's owner
S_ISGID = 0o2000                       # run as the file's group
S_ENFMT = S_ISGID                      # record locking (System V)
S_ISVTX = 0o1000                       # "sticky": only owners delete

# Permission bits: read, write, execute for the owner, group and others.
S_IRWXU, S_IRUSR, S_IWUSR, S_IXUSR = 0o700, 0o400, 0o200, 0o100
S_IRWXG, S_IRGRP, S_IWGRP, S_IXGRP = 0o070, 0o040, 0o020, 0o010
S_IRWXO, S_IROTH, S_IWOTH, S_IXOTH = 0o007, 0o004, 0o002, 0o001
S_IREAD, S_IWRITE, S_IEXEC = S_IRUSR, S_IWUSR, S_IXUSR      # old names

_TYPE_MASK = 0o170000
_PERMISSION_MASK = 0o7777


def S_IMODE(mode):
    """The permission and special bits of [mode] (what os.chmod sets)."""
    return mode & _PERMISSION_MASK


def S_IFMT(mode):
    """The file-type bits of [mode]."""
    return mode & _TYPE_MASK


# (test name, type bits, letter shown by filemode)
_TYPES = (
    ('S_ISDIR', S_IFDIR, 'd'),
    ('S_ISCHR', S_IFCHR, 'c'),
    ('S_ISBLK', S_IFBLK, 'b'),
    ('S_ISREG', S_IFREG, '-'),
    ('S_ISFIFO', S_IFIFO, 'p'),
    ('S_ISLNK', S_IFLNK, 'l'),
    ('S_ISSOCK', S_IFSOCK, 's'),
)
_TYPE_LETTER = {bits: letter for _, bits, letter in _TYPES}


def _type_test(name, bits):
    def test(mode):
        return mode & _TYPE_MASK == bits
    test.__name__ = test.__qualname__ = name
    test.__doc__ = "True if the mode is of the %s file type." % name[4:].lower()
    return test


for _name, _bits, _ in _TYPES:
    globals()[_name] = _type_test(_name, _bits)
del _name, _bits, _type_test


def S_ISDOOR(mode):
    return False


def S_ISPORT(mode):
    return False


def S_ISWHT(mode):
    return False


# For each of owner, group and others: its read, write and execute bits,
# the special bit shown in the execute column, and the letters used when
# the special bit is set with and without execute.
_CLASSES = (
    (S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's', 'S'),
    (S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's', 'S'),
    (S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't', 'T'),
)


def filemode(mode):
    """[mode] as ten characters, like `ls -l`: the type letter ('?' when
    unknown), then rwx for the owner, group and others."""
    out = [_TYPE_LETTER.get(mode & _TYPE_MASK, '?')]
    for read, write, execute, special, with_x, without_x in _CLASSES:
        out.append('r' if mode & read else '-')
        out.append('w' if mode & write else '-')
        if mode & special:
            out.append(with_x if mode & execute else without_x)
        else:
            out.append('x' if mode & execute else '-')
    return ''.join(out)
