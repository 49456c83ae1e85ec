"""Container datatypes, as CPython's collections: deque, defaultdict,
OrderedDict, Counter, namedtuple and ChainMap. deque is C (_collections);
the rest is Python."""

__all__ = ['deque', 'defaultdict', 'OrderedDict', 'Counter', 'namedtuple', 'ChainMap']

import sys as _sys


from _collections import deque


class defaultdict(dict):
    """A dict that calls default_factory to supply missing values."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        return 'defaultdict(%r, %s)' % (self.default_factory, dict.__repr__(self))

    def copy(self):
        return defaultdict(self.default_factory, self)

    __copy__ = copy


class OrderedDict(dict):
    """A dict that remembers insertion order (all dicts do) and can reorder."""

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            items = list(self.items())
            self.clear()
            self[key] = value
            for k, v in items:
                self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self.keys()))) if last else next(iter(self.keys()))
        return key, self.pop(key)

    def __repr__(self):
        if not self:
            return '%s()' % (self.__class__.__name__,)
        return '%s(%r)' % (self.__class__.__name__, dict(self))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def copy(self):
        return self.__class__(self)


class Counter(dict):
    """A dict that counts hashable items."""

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) + count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def __repr__(self):
        if not self:
            return '%s()' % self.__class__.__name__
        return '%s({%s})' % (self.__class__.__name__,
                             ', '.join('%r: %r' % kv for kv in self.most_common()))

    def __add__(self, other):
        result = Counter()
        for elem in list(self) + [e for e in other if e not in self]:
            count = self[elem] + other[elem]
            if count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        return result

    def copy(self):
        return Counter(self)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a tuple subclass whose items are also reachable by name."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(map(str, field_names))
    for name in (typename,) + field_names:
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: %r' % name)
    seen = set()
    for name in field_names:
        if name.startswith('_'):
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % name)
        seen.add(name)
    n = len(field_names)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > n:
        raise TypeError('Got more default values than field names')
    field_defaults = dict(zip(field_names[n - len(defaults):], defaults))

    def __new__(cls, *args, **kwargs):
        if len(args) > n:
            raise TypeError('%s() takes %d positional arguments but %d were given'
                            % (typename, n + 1, len(args) + 1))
        values = list(args)
        for name in field_names[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing = [f for f in field_names[len(values):] if f not in kwargs
                           and f not in field_defaults]
                raise TypeError("%s() missing %d required positional argument%s: %s"
                                % (typename, len(missing), '' if len(missing) == 1 else 's',
                                   ', '.join(repr(m) for m in missing)))
        if kwargs:
            name = next(iter(kwargs))
            if name in field_names:
                raise TypeError("%s() got multiple values for argument '%s'" % (typename, name))
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (typename, name))
        return tuple.__new__(cls, values)

    def __repr__(self):
        return '%s(%s)' % (self.__class__.__name__,
                           ', '.join('%s=%r' % (f, v) for f, v in zip(field_names, self)))

    def _asdict(self):
        return dict(zip(field_names, self))

    def _replace(self, **kwargs):
        values = [kwargs.pop(f, v) for f, v in zip(field_names, self)]
        if kwargs:
            raise ValueError('Got unexpected field names: %r' % list(kwargs))
        return self.__class__(*values)

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        '__doc__': '%s(%s)' % (typename, ', '.join(field_names)),
        '__slots__': (),
        '_fields': field_names,
        '__match_args__': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '_replace': _replace,
        '_make': _make,
        '__getnewargs__': __getnewargs__,
    }
    for index, name in enumerate(field_names):
        namespace[name] = property(lambda self, i=index: tuple.__getitem__(self, i),
                                   doc='Alias for field number %d' % index)
    result = type(typename, (tuple,), namespace)
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
    result.__module__ = module
    return result


class ChainMap:
    """Several mappings searched in order as one."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        seen = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                seen[key] = None
        return iter(seen)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        del self.maps[0][key]

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def new_child(self, m=None):
        return self.__class__(m if m is not None else {}, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __repr__(self):
        return '%s(%s)' % (self.__class__.__name__, ', '.join(map(repr, self.maps)))
