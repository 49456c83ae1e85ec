"""Compare files and directories: cmp, cmpfiles and the dircmp class.

Design notes
------------
cmp() first compares stat signatures (file type, size, modification time).
With shallow=True (the default) equal signatures mean equal files; different
sizes always mean different files; otherwise the contents are read and
compared block by block.  Content results are cached by (path, path,
signature, signature), so a file that changes is compared again.

dircmp computes its attributes lazily: the first access to, say, diff_files
runs the step that produces it (listing, splitting the names into common and
one-sided, sorting the common names by file type, comparing the common
files, building sub-comparisons), and each step runs the ones it depends on.
__getattr__ only sees attributes that are not set yet, so each step runs at
most once.
"""

import os
import stat

__all__ = ['clear_cache', 'cmp', 'dircmp', 'cmpfiles', 'DEFAULT_IGNORES']

BUFSIZE = 8 * 1024

DEFAULT_IGNORES = ['RCS', 'CVS', 'tags', '.git', '.hg', '.bzr', '_darcs', '__pycache__']

_cache = {}


def clear_cache():
    """Forget the results of earlier content comparisons."""
    _cache.clear()


def _signature(info):
    return (stat.S_IFMT(info.st_mode), info.st_size, info.st_mtime)


def cmp(f1, f2, shallow=True):
    """Whether the files [f1] and [f2] are equal (see the module notes)."""
    first = _signature(os.stat(f1))
    second = _signature(os.stat(f2))
    if first[0] != stat.S_IFREG or second[0] != stat.S_IFREG:
        return False
    if shallow and first == second:
        return True
    if first[1] != second[1]:
        return False
    key = (f1, f2, first, second)
    result = _cache.get(key)
    if result is None:
        result = _same_contents(f1, f2)
        if len(_cache) > 100:
            clear_cache()
        _cache[key] = result
    return result


def _same_contents(f1, f2):
    with open(f1, 'rb') as a, open(f2, 'rb') as b:
        while True:
            block = a.read(BUFSIZE)
            if block != b.read(BUFSIZE):
                return False
            if not block:
                return True


def cmpfiles(a, b, common, shallow=True):
    """Compare the files named in [common] in directories [a] and [b].

    Returns (equal, different, trouble): names that compare equal, that
    differ, and that could not be compared.
    """
    outcome = ([], [], [])
    for name in common:
        verdict = _compare_one(os.path.join(a, name), os.path.join(b, name), shallow)
        outcome[verdict].append(name)
    return outcome


def _compare_one(left, right, shallow):
    # 0 equal, 1 different, 2 could not compare.
    try:
        return 0 if cmp(left, right, shallow) else 1
    except OSError:
        return 2


class dircmp:
    """The comparison of two directories, computed on demand.

    Attributes: left, right, left_list, right_list, common, left_only,
    right_only, common_dirs, common_files, common_funny, same_files,
    diff_files, funny_files, subdirs.  Names in [ignore] (default
    DEFAULT_IGNORES) and [hide] (default '.' and '..') are left out.
    """

    def __init__(self, a, b, ignore=None, hide=None):
        self.left = a
        self.right = b
        self.hide = [os.curdir, os.pardir] if hide is None else hide
        self.ignore = DEFAULT_IGNORES if ignore is None else ignore

    # --- The steps ---

    def _list(self):
        skipped = set(self.hide) | set(self.ignore)
        self.left_list = sorted(n for n in os.listdir(self.left) if n not in skipped)
        self.right_list = sorted(n for n in os.listdir(self.right) if n not in skipped)

    def _split_names(self):
        left = {os.path.normcase(name): name for name in self.left_list}
        right = {os.path.normcase(name): name for name in self.right_list}
        self.common = [left[key] for key in left if key in right]
        self.left_only = [left[key] for key in left if key not in right]
        self.right_only = [right[key] for key in right if key not in left]

    def _sort_common(self):
        self.common_dirs, self.common_files, self.common_funny = [], [], []
        for name in self.common:
            kinds = []
            for root in (self.left, self.right):
                try:
                    kinds.append(stat.S_IFMT(os.stat(os.path.join(root, name)).st_mode))
                except OSError:
                    kinds.append(None)
            kind = kinds[0] if kinds[0] == kinds[1] else None
            if kind is not None and stat.S_ISDIR(kind):
                self.common_dirs.append(name)
            elif kind is not None and stat.S_ISREG(kind):
                self.common_files.append(name)
            else:
                self.common_funny.append(name)

    def _compare_files(self):
        self.same_files, self.diff_files, self.funny_files = \
            cmpfiles(self.left, self.right, self.common_files)

    def _make_subdirs(self):
        self.subdirs = {}
        for name in self.common_dirs:
            self.subdirs[name] = self.__class__(os.path.join(self.left, name),
                                                os.path.join(self.right, name),
                                                self.ignore, self.hide)

    methodmap = dict(subdirs=_make_subdirs,
                     same_files=_compare_files, diff_files=_compare_files,
                     funny_files=_compare_files,
                     common_dirs=_sort_common, common_files=_sort_common,
                     common_funny=_sort_common,
                     common=_split_names, left_only=_split_names, right_only=_split_names,
                     left_list=_list, right_list=_list)

    def __getattr__(self, attr):
        step = self.methodmap.get(attr)
        if step is None:
            raise AttributeError(attr)
        step(self)
        return getattr(self, attr)

    # --- Reports ---

    def report(self):
        """Print what differs between the two directories."""
        print('diff', self.left, self.right)
        if self.left_only:
            self.left_only.sort()
            print('Only in', self.left, ':', self.left_only)
        if self.right_only:
            self.right_only.sort()
            print('Only in', self.right, ':', self.right_only)
        for label, names in (('Identical files :', self.same_files),
                             ('Differing files :', self.diff_files),
                             ('Trouble with common files :', self.funny_files),
                             ('Common subdirectories :', self.common_dirs),
                             ('Common funny cases :', self.common_funny)):
            if names:
                names.sort()
                print(label, names)

    def report_partial_closure(self):
        """report(), then report() for each common subdirectory."""
        self.report()
        for sub in self.subdirs.values():
            print()
            sub.report()

    def report_full_closure(self):
        """report() for these directories and, recursively, every common subdirectory."""
        self.report()
        for sub in self.subdirs.values():
            print()
            sub.report_full_closure()

    def __class_getitem__(cls, item):
        return cls
