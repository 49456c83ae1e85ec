"""reprlib: repr() with size limits, and a guard for self-referencing reprs.

Design notes
------------
A Repr object holds one limit per kind of value (maxlist, maxdict,
maxstring, ...) plus a nesting limit, maxlevel.  Repr.repr1 picks a method
named repr_<type name> (spaces in the type name become underscores), which is
also how a subclass teaches it a new kind; values without such a method get
builtins.repr, shortened when longer than maxother.

Shortening keeps both ends and puts fillvalue in between.  How many
characters each end keeps is worked out from the limit minus three, whatever
fillvalue's length, because that is what CPython prints.

Sequences show their first few items; sets and dicts are shown sorted when
their items can be sorted, so the output does not depend on hash order.

recursive_repr() wraps a __repr__ so that re-entering it for the same object
on the same thread yields a placeholder instead of recursing without end.

Left out: the keyword arguments Repr() accepts in later Pythons and the
indent option of 3.12.
"""

__all__ = ["Repr", "repr", "recursive_repr"]

import builtins
import _thread


def recursive_repr(fillvalue='...'):
    """Decorator for __repr__ methods: a nested call for an object already
    being shown returns [fillvalue]."""

    def decorate(method):
        busy = set()

        def guarded(self):
            token = (id(self), _thread.get_ident())
            if token in busy:
                return fillvalue
            busy.add(token)
            try:
                return method(self)
            finally:
                busy.discard(token)

        for attr in ('__module__', '__doc__', '__name__', '__qualname__'):
            setattr(guarded, attr, getattr(method, attr, None))
        guarded.__annotations__ = getattr(method, '__annotations__', {})
        return guarded

    return decorate


def _in_display_order(items):
    try:
        return sorted(items)
    except Exception:
        return list(items)


def _first(items, count):
    chosen = []
    if count <= 0:
        return chosen
    for item in items:
        chosen.append(item)
        if len(chosen) == count:
            break
    return chosen


class Repr:
    """Produces reprs that never exceed the limits set on the instance."""

    def __init__(self):
        self.fillvalue = '...'
        self.maxlevel = 6
        self.maxtuple = 6
        self.maxlist = 6
        self.maxarray = 5
        self.maxdict = 4
        self.maxset = 6
        self.maxfrozenset = 6
        self.maxdeque = 6
        self.maxstring = 30
        self.maxlong = 40
        self.maxother = 30

    def repr(self, x):
        # The top-level call may nest maxlevel deep.
        depth = self.maxlevel
        return self.repr1(x, depth)

    def repr1(self, x, level):
        kind = '_'.join(type(x).__name__.split())
        handler = getattr(self, 'repr_' + kind, None) or self.repr_instance
        return handler(x, level)

    def _squeeze(self, text, limit):
        """Cut the middle out of [text] when it is longer than [limit]."""
        if len(text) <= limit:
            return text
        head = max(0, (limit - 3) // 2)
        tail = max(0, limit - 3 - head)
        return text[:head] + self.fillvalue + text[len(text) - tail:]

    def _items(self, items, level, opening, closing, limit, lone_suffix=''):
        """Show a collection as opening + first [limit] items + closing."""
        size = len(items)
        if size and level <= 0:
            return opening + self.fillvalue + closing
        shown = [self.repr1(item, level - 1) for item in _first(items, limit)]
        if size > limit:
            shown.append(self.fillvalue)
        if size == 1:
            closing = lone_suffix + closing
        return opening + ', '.join(shown) + closing

    def repr_tuple(self, x, level):
        return self._items(x, level, '(', ')', self.maxtuple, ',')

    def repr_list(self, x, level):
        return self._items(x, level, '[', ']', self.maxlist)

    def repr_array(self, x, level):
        if not x:
            return "array('%s')" % x.typecode
        return self._items(x, level, "array('%s', [" % x.typecode, '])', self.maxarray)

    def repr_set(self, x, level):
        if not x:
            return 'set()'
        return self._items(_in_display_order(x), level, '{', '}', self.maxset)

    def repr_frozenset(self, x, level):
        if not x:
            return 'frozenset()'
        return self._items(_in_display_order(x), level, 'frozenset({', '})',
                           self.maxfrozenset)

    def repr_deque(self, x, level):
        return self._items(x, level, 'deque([', '])', self.maxdeque)

    def repr_dict(self, x, level):
        if not x:
            return '{}'
        if level <= 0:
            return '{%s}' % self.fillvalue
        pairs = []
        for key in _first(_in_display_order(x), self.maxdict):
            pairs.append(self.repr1(key, level - 1) + ': ' + self.repr1(x[key], level - 1))
        if len(x) > self.maxdict:
            pairs.append(self.fillvalue)
        return '{' + ', '.join(pairs) + '}'

    def repr_str(self, x, level):
        limit = self.maxstring
        quoted = builtins.repr(x[:limit])
        if len(quoted) <= limit:
            return quoted
        # Quote the two ends together so they share one pair of quotes,
        # then splice the fill value in where the middle was.
        head = max(0, (limit - 3) // 2)
        tail = max(0, limit - 3 - head)
        quoted = builtins.repr(x[:head] + x[len(x) - tail:])
        return quoted[:head] + self.fillvalue + quoted[len(quoted) - tail:]

    def repr_int(self, x, level):
        return self._squeeze(builtins.repr(x), self.maxlong)

    def repr_instance(self, x, level):
        try:
            text = builtins.repr(x)
        except Exception:
            return '<%s instance at %#x>' % (type(x).__name__, id(x))
        return self._squeeze(text, self.maxother)


aRepr = Repr()
repr = aRepr.repr
