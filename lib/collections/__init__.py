"""collections: specialised containers beside dict, list and tuple.

Design notes
------------
deque is C (_collections, src/mod/collections.c); everything else here is
Python built on dict and tuple:

* defaultdict and Counter are dict subclasses that use dict's __missing__
  hook: one fills the hole from a factory, the other answers 0.
* OrderedDict leans on the fact that every gilpy dict already keeps
  insertion order.  What it adds is reordering (move_to_end, popitem from
  either end) and order-sensitive equality between two OrderedDicts.
  Reordering rebuilds the dict, which is O(n); CPython's linked list makes
  it O(1).  Programs that shuffle huge OrderedDicts are rare.
* namedtuple builds its class from generated source: one exec'd __new__
  with the real parameter list, so the interpreter itself reports missing
  or surplus arguments in CPython's words ("Point.__new__() missing 1
  required positional argument: 'y'").  Fields are read-only properties
  over operator.itemgetter, a C callable.
* ChainMap is a view over a list of mappings: lookups search them in
  order, writes and deletes touch only the first.

* UserDict, UserList and UserString live in collections/_user.py, loaded
  on first use through the module __getattr__ below, since they need the
  ABCs.

Left out: OrderedDict's O(1) linked list, and the reprlib recursion guard
on reprs.
"""

__all__ = ['deque', 'defaultdict', 'OrderedDict', 'Counter', 'namedtuple', 'ChainMap',
           'UserDict', 'UserList', 'UserString']

import sys as _sys
import keyword as _keyword
import operator as _operator

from _collections import deque


def __getattr__(name):
    # collections.abc works after a bare `import collections`, as in CPython,
    # without making every importer of collections pay for the ABCs.
    if name == 'abc':
        import collections.abc
        return collections.abc
    if name in ('UserDict', 'UserList', 'UserString'):
        from collections import _user
        value = getattr(_user, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'collections' has no attribute {name!r}")


# ---------------------------------------------------------------------------
# defaultdict


class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) -> dict that calls
    default_factory() for each missing key and stores the result."""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if not (default_factory is None or callable(default_factory)):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        make = self.default_factory
        if make is None:
            raise KeyError(key)
        self[key] = fresh = make()
        return fresh

    def __repr__(self):
        return '%s(%r, %s)' % (type(self).__name__, self.default_factory,
                               dict.__repr__(self))

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (self.default_factory,), None, None, iter(self.items())

    # d | other and other | d: a new defaultdict with this factory, the
    # right-hand side winning on shared keys.

    def _joined(self, first, second):
        joined = type(self)(self.default_factory, first)
        joined.update(second)
        return joined

    def __or__(self, other):
        return self._joined(self, other) if isinstance(other, dict) else NotImplemented

    def __ror__(self, other):
        return self._joined(other, self) if isinstance(other, dict) else NotImplemented


# ---------------------------------------------------------------------------
# OrderedDict


class OrderedDict(dict):
    """A dict whose order can be changed, and whose order counts in == with
    another OrderedDict."""

    def move_to_end(self, key, last=True):
        """Move [key] to the end (or, with last=False, to the front)."""
        value = self.pop(key)
        if last:
            self[key] = value
            return
        rest = list(self.items())
        self.clear()
        self[key] = value
        self.update(rest)

    def popitem(self, last=True):
        """Remove and return the newest (key, value), or the oldest if
        [last] is false."""
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self) if last else iter(self))
        return key, self.pop(key)

    def __reversed__(self):
        return reversed(list(self))

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return name + '()'
        return '%s(%r)' % (name, list(self.items()))

    def __eq__(self, other):
        same_content = dict.__eq__(self, other)
        if same_content is NotImplemented or not isinstance(other, OrderedDict):
            return same_content
        # Two OrderedDicts must also agree on order.
        return same_content and all(a == b for a, b in zip(self, other))

    def __ne__(self, other):
        verdict = self.__eq__(other)
        return verdict if verdict is NotImplemented else not verdict

    __hash__ = None

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (), None, None, iter(self.items())

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made


# ---------------------------------------------------------------------------
# Counter


def _count_elements(mapping, iterable):
    """Add one to mapping[x] (missing counts as 0) for each x of [iterable]."""
    lookup = mapping.get
    for element in iterable:
        mapping[element] = lookup(element, 0) + 1


class Counter(dict):
    """A dict from hashable items to how many times each was seen.

    Missing items count as 0.  Counts may be zero or negative; the binary
    operators (+ - | &) keep only positive results, as multisets do.
    """

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def __delitem__(self, elem):
        # Forgetting an item that was never counted is not an error.
        if elem in self:
            dict.__delitem__(self, elem)

    def total(self):
        """The sum of all counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """(item, count) pairs, highest count first; ties keep insertion
        order.  Only the first [n] when n is given."""
        ranked = sorted(self.items(), key=_operator.itemgetter(1), reverse=True)
        return ranked if n is None else ranked[:max(n, 0)]

    def elements(self):
        """Each item repeated as often as its count says (items with a count
        below one are skipped)."""
        for item, times in self.items():
            yield from [item] * times

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def _tally(self, source, kwds, sign):
        # Shared by update() (+1) and subtract() (-1): add [sign] times each
        # count in a mapping, or [sign] once per element of an iterable.
        if source is not None:
            if hasattr(source, 'items') and callable(source.items):
                if sign > 0 and not self:
                    # Nothing to add to yet: take the counts as they are,
                    # whatever their type, as CPython does.
                    dict.update(self, source)
                    return self._tally(kwds, None, sign) if kwds else None
                for item, times in source.items():
                    self[item] = self[item] + sign * times
            elif sign > 0:
                _count_elements(self, source)
            else:
                for item in source:
                    self[item] = self[item] + sign
        if kwds:
            self._tally(kwds, None, sign)

    def update(self, iterable=None, /, **kwds):
        """Add counts from an iterable of items or a mapping of counts."""
        self._tally(iterable, kwds, 1)

    def subtract(self, iterable=None, /, **kwds):
        """Take away counts; results may drop to zero or below."""
        self._tally(iterable, kwds, -1)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        return type(self), (dict(self),)

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return name + '()'
        try:
            pairs = self.most_common()
        except TypeError:
            # Counts that cannot be ranked (mixed types) print unsorted.
            pairs = self.items()
        body = ', '.join('%r: %r' % pair for pair in pairs)
        return '%s({%s})' % (name, body)

    # Comparisons treat a missing item and a zero count alike.

    def _pairwise(self, other, test):
        if isinstance(other, Counter):
            return all(test(self[k], other[k]) for k in {**self, **other})
        return NotImplemented

    def __eq__(self, other):
        return self._pairwise(other, lambda a, b: a == b)

    def __ne__(self, other):
        verdict = self.__eq__(other)
        return verdict if verdict is NotImplemented else not verdict

    def __le__(self, other):
        return self._pairwise(other, lambda a, b: a <= b)

    def __ge__(self, other):
        return self._pairwise(other, lambda a, b: a >= b)

    def __lt__(self, other):
        verdict = self.__le__(other)
        return verdict if verdict is NotImplemented else verdict and self != other

    def __gt__(self, other):
        verdict = self.__ge__(other)
        return verdict if verdict is NotImplemented else verdict and self != other

    __hash__ = None

    # Multiset arithmetic: the result holds only the positive counts.

    def _combine(self, other, how):
        if not isinstance(other, Counter):
            return NotImplemented  # let the other operand try
        out = Counter()
        for key in {**self, **other}:
            count = how(self[key], other[key])
            if count > 0:
                out[key] = count
        return out

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)

    def __or__(self, other):
        return self._combine(other, max)

    def __and__(self, other):
        return self._combine(other, min)

    def __pos__(self):
        return Counter({k: n for k, n in self.items() if n > 0})

    def __neg__(self):
        return Counter({k: -n for k, n in self.items() if n < 0})

    def _drop_nonpositive(self):
        for key in [k for k, n in self.items() if not n > 0]:
            dict.__delitem__(self, key)
        return self

    def __iadd__(self, other):
        self.update(other)
        return self._drop_nonpositive()

    def __isub__(self, other):
        self.subtract(other)
        return self._drop_nonpositive()

    def __ior__(self, other):
        for key, theirs in other.items():
            if theirs > self[key]:
                self[key] = theirs
        return self._drop_nonpositive()

    def __iand__(self, other):
        for key, mine in self.items():
            theirs = other[key]
            if theirs < mine:
                self[key] = theirs
        return self._drop_nonpositive()


# ---------------------------------------------------------------------------
# namedtuple


def _checked_fields(typename, names, rename):
    # Validate (or, with [rename], repair) the field names.  A repaired name
    # becomes _<position>, which can clash with nothing a user may write.
    fields = []
    for position, name in enumerate(names):
        if rename and (not name.isidentifier() or _keyword.iskeyword(name)
                       or name.startswith('_') or name in fields):
            name = '_%d' % position
        fields.append(name)
    for name in [typename] + fields:
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             'identifiers: %r' % name)
        if _keyword.iskeyword(name):
            raise ValueError('Type names and field names cannot be a '
                             'keyword: %r' % name)
    seen = set()
    for name in fields:
        if not rename and name[:1] == '_':
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % name)
        seen.add(name)
    return tuple(fields)


def _refuse_set(self, value):
    raise AttributeError("can't set attribute")


def _refuse_delete(self):
    raise AttributeError("can't delete attribute")


def _calling_module():
    # The __name__ of whoever called namedtuple(), if the frame is there.
    peek = getattr(_sys, '_getframe', None)
    try:
        frame = peek(2) if peek is not None else None
    except ValueError:
        frame = None
    return None if frame is None else frame.f_globals.get('__name__', '__main__')


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Make a tuple subclass named [typename] whose items can also be read
    as attributes: namedtuple('Point', 'x y') or ('Point', ['x', 'y'])."""
    # A string of names may separate them with commas, blanks or both.
    names = (field_names.replace(',', ' ').split() if isinstance(field_names, str)
             else [str(f) for f in field_names])
    typename = str(typename)
    fields = _checked_fields(typename, names, rename)
    count = len(fields)

    defaults = () if defaults is None else tuple(defaults)
    if len(defaults) > count:
        raise TypeError('Got more default values than field names')
    field_defaults = dict(zip(fields[count - len(defaults):], defaults))

    # The generated __new__ has the fields as its parameters; argument
    # binding, defaults and every arity error are the interpreter's own.
    params = ', '.join(fields)
    source = ('def __new__(_cls, %s):\n    return _make_tuple(_cls, (%s))\n'
              % (params, params + (',' if count == 1 else '')))
    scope = {}
    exec(source, {'_make_tuple': tuple.__new__, '__name__': 'namedtuple_%s' % typename},
         scope)
    new = scope['__new__']
    new.__qualname__ = typename + '.__new__'
    new.__doc__ = 'Create new instance of %s(%s)' % (typename, params)
    if defaults:
        new.__defaults__ = defaults

    def _make(cls, iterable):
        made = tuple.__new__(cls, iterable)
        if len(made) != count:
            raise TypeError('Expected %d arguments, got %d' % (count, len(made)))
        return made

    def _replace(self, /, **changes):
        made = self._make([changes.pop(name, old) for name, old in zip(fields, self)])
        if changes:
            raise ValueError('Got unexpected field names: %r' % list(changes))
        return made

    def __repr__(self):
        shown = ', '.join('%s=%r' % pair for pair in zip(fields, self))
        return '%s(%s)' % (type(self).__name__, shown)

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    body = dict(__doc__='%s(%s)' % (typename, params), __slots__=(),
                _fields=fields, _field_defaults=field_defaults,
                __match_args__=fields, __new__=new, _make=classmethod(_make),
                _replace=_replace, __repr__=__repr__, _asdict=_asdict,
                __getnewargs__=__getnewargs__)
    for position, name in enumerate(fields):
        body[name] = property(_operator.itemgetter(position), _refuse_set, _refuse_delete,
                              'Alias for field number %d' % position)
    made_class = type(typename, (tuple,), body)
    for helper in (_make, _replace, __repr__, _asdict, __getnewargs__):
        helper.__qualname__ = '%s.%s' % (typename, helper.__name__)

    # Report the caller's module, so that the class prints and pickles as
    # living where namedtuple() was called.
    if module is None:
        module = _calling_module()
    if module is not None:
        made_class.__module__ = module
    return made_class


# ---------------------------------------------------------------------------
# ChainMap


def _is_mapping(obj):
    # collections.abc imports this module, so it is looked up when needed.
    from collections.abc import Mapping
    return isinstance(obj, Mapping)


class ChainMap:
    """ChainMap(*maps): several mappings seen as one.

    Reads search maps in order and take the first hit; writes and deletes
    go to maps[0] only.
    """

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for layer in self.maps:
            if key in layer:
                return layer[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def __contains__(self, key):
        return any(key in layer for layer in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __len__(self):
        return len(self._merged())

    def _merged(self):
        # Keys in the order a dict built from the layers would have them:
        # deepest layer first, so shadowed keys keep their first position.
        merged = {}
        for layer in reversed(self.maps):
            merged.update(dict.fromkeys(layer))
        return merged

    def __iter__(self):
        return iter(self._merged())

    # Live views over the chain, as a Mapping's are: they follow later
    # writes and a subclass's __iter__ / __getitem__. (collections.abc
    # imports this module, so the views are found when first asked for.)
    def keys(self):
        from collections.abc import KeysView
        return KeysView(self)

    def items(self):
        from collections.abc import ItemsView
        return ItemsView(self)

    def values(self):
        from collections.abc import ValuesView
        return ValuesView(self)

    def __eq__(self, other):
        return dict(self.items()) == other

    __hash__ = None

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}') from None

    def pop(self, key, *default):
        try:
            return self.maps[0].pop(key, *default)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}') from None

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.') from None

    def clear(self):
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), /, **kwds):
        self.maps[0].update(other, **kwds)

    def copy(self):
        """A new ChainMap with a copy of maps[0] and the others shared."""
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A ChainMap with [m] (or a new dict) in front of these maps."""
        front = {} if m is None else m
        front.update(kwargs)
        return type(self)(front, *self.maps)

    @property
    def parents(self):
        """The ChainMap of every map but the first."""
        return type(self)(*self.maps[1:])

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """A ChainMap over one new dict mapping each key to [value]."""
        return cls(dict.fromkeys(iterable, value))

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return self.copy().__ior__(other)

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        # Later layers lose to earlier ones, and all of them beat [other].
        merged = dict(other)
        for layer in reversed(self.maps):
            merged.update(layer)
        return type(self)(merged)

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join(repr(m) for m in self.maps))
