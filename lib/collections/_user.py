"""UserDict, UserList and UserString: containers that keep their contents in
a plain `data` attribute, for subclassing without the quirks of subclassing
dict, list or str directly.

Design notes
------------
collections loads this module the first time one of the three names is
asked for, so `import collections` does not pay for collections.abc.

The wrappers are mostly one-line delegations to `self.data`.  Rather than
spelling out some forty of them by hand, the string and list methods are
installed by small factories (_delegate below) that say, per method,
whether the result is wrapped back into the caller's class (`s.upper()` of
a UserString subclass is that subclass) or returned as it is (`s.find()`
is an int).  Arguments that are themselves User* objects are unwrapped to
their data first, so `UserString('ab').count(UserString('a'))` works.
"""

from abc import update_abstractmethods
from collections.abc import MutableMapping, MutableSequence, Sequence

__all__ = ['UserDict', 'UserList', 'UserString']


def _plain(value):
    # The wrapped container of a User* object; anything else unchanged.
    if isinstance(value, (UserDict, UserList, UserString)):
        return value.data
    return value


def _delegate(cls, names, wrap, unwrap=True):
    # Installs cls.<name> for each name: call the same method on self.data,
    # with User* arguments unwrapped when [unwrap] is true, and rewrap the
    # result in type(self) when [wrap] is true.
    for name in names:
        def method(self, *args, _name=name, **kwargs):
            if unwrap:
                args = [_plain(a) for a in args]
            result = getattr(self.data, _name)(*args, **kwargs)
            return type(self)(result) if wrap else result
        method.__name__ = name
        method.__qualname__ = '%s.%s' % (cls.__name__, name)
        setattr(cls, name, method)
    # The ABC worked out its abstract methods before these existed.
    update_abstractmethods(cls)


def _shallow_copy(self, empty):
    # A new instance of type(self) sharing the instance attributes but with
    # its own copy of the data, made without calling __init__.
    cls = type(self)
    twin = cls.__new__(cls)
    twin.__dict__.update(self.__dict__)
    twin.__dict__['data'] = empty(self.__dict__['data'])
    return twin


# ---------------------------------------------------------------------------
# UserDict


class UserDict(MutableMapping):
    """A mapping that stores its items in the dict `self.data`."""

    def __init__(self, mapping=None, /, **kwargs):
        self.data = {}
        for source in (mapping, kwargs):
            if source:
                self.update(source)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        missing = getattr(type(self), '__missing__', None)
        if missing is not None:
            return missing(self, key)
        raise KeyError(key)

    def __or__(self, other):
        if isinstance(other, (UserDict, dict)):
            return type(self)(self.data | _plain(other))
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (UserDict, dict)):
            return type(self)(_plain(other) | self.data)
        return NotImplemented

    def __ior__(self, other):
        self.data |= _plain(other)
        return self

    def __copy__(self):
        return _shallow_copy(self, dict.copy)

    def copy(self):
        if type(self) is UserDict:
            return UserDict(dict.copy(self.data))
        # A subclass may hold more state: copy.copy() it with the data set
        # aside, then refill the copy through its own __setitem__.
        import copy
        saved = self.data
        try:
            self.data = {}
            twin = copy.copy(self)
        finally:
            self.data = saved
        twin.update(self)
        return twin

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made


_delegate(UserDict, ('__len__', '__setitem__', '__delitem__', '__iter__',
                     '__contains__', '__repr__'), wrap=False, unwrap=False)


# ---------------------------------------------------------------------------
# UserList


class UserList(MutableSequence):
    """A mutable sequence that stores its items in the list `self.data`."""

    def __init__(self, initlist=None):
        # A fresh list in every case: the argument is never shared.
        self.data = [] if initlist is None else list(_plain(initlist))

    def __lt__(self, other):
        return self.data < _plain(other)

    def __le__(self, other):
        return self.data <= _plain(other)

    def __eq__(self, other):
        return self.data == _plain(other)

    def __gt__(self, other):
        return self.data > _plain(other)

    def __ge__(self, other):
        return self.data >= _plain(other)

    __hash__ = None

    def __getitem__(self, index):
        found = self.data[index]
        return type(self)(found) if isinstance(index, slice) else found

    @staticmethod
    def _as_list(other):
        if isinstance(other, UserList):
            return other.data
        return other if isinstance(other, list) else list(other)

    def __add__(self, other):
        return type(self)(self.data + self._as_list(other))

    def __radd__(self, other):
        return type(self)(self._as_list(other) + self.data)

    def __iadd__(self, other):
        self.data += self._as_list(other)
        return self

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        return _shallow_copy(self, list.copy)

    def copy(self):
        return type(self)(self)

_delegate(UserList, ('__repr__', '__contains__', '__len__', '__setitem__',
                     '__delitem__', 'append', 'insert', 'pop', 'remove',
                     'clear', 'count', 'index', 'reverse', 'sort'),
          wrap=False, unwrap=False)
_delegate(UserList, ('extend',), wrap=False)


# ---------------------------------------------------------------------------
# UserString


class UserString(Sequence):
    """An immutable sequence that stores its text in the str `self.data`."""

    def __init__(self, seq):
        seq = _plain(seq)
        self.data = seq if isinstance(seq, str) else str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, other):
        return self.data == _plain(other)

    def __lt__(self, other):
        return self.data < _plain(other)

    def __le__(self, other):
        return self.data <= _plain(other)

    def __gt__(self, other):
        return self.data > _plain(other)

    def __ge__(self, other):
        return self.data >= _plain(other)

    def __contains__(self, text):
        return _plain(text) in self.data

    def __len__(self):
        return len(self.data)

    @staticmethod
    def _as_str(other):
        other = _plain(other)
        return other if isinstance(other, str) else str(other)

    def __add__(self, other):
        return type(self)(self.data + self._as_str(other))

    def __radd__(self, other):
        return type(self)(self._as_str(other) + self.data)

    def __rmod__(self, template):
        return type(self)(str(template) % self)

    def encode(self, encoding='utf-8', errors='strict'):
        return self.data.encode(encoding, errors)

    maketrans = str.maketrans


_delegate(UserString, ('__getitem__', '__mul__', '__rmul__', '__mod__'),
          wrap=True, unwrap=False)
for _name, _convert in (('__int__', int), ('__float__', float),
                        ('__complex__', complex)):
    setattr(UserString, _name, lambda self, _convert=_convert: _convert(self.data))


_delegate(UserString, (
    'capitalize', 'casefold', 'center', 'expandtabs', 'format', 'format_map',
    'join', 'ljust', 'lower', 'lstrip', 'removeprefix', 'removesuffix',
    'replace', 'rjust', 'rstrip', 'strip', 'swapcase', 'title', 'translate',
    'upper', 'zfill'), wrap=True)
_delegate(UserString, (
    'count', 'endswith', 'find', 'index', 'isalnum', 'isalpha', 'isascii',
    'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric',
    'isprintable', 'isspace', 'istitle', 'isupper', 'partition', 'rfind',
    'rindex', 'rpartition', 'rsplit', 'split', 'splitlines', 'startswith'),
    wrap=False)
del _name, _convert
