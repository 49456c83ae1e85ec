"""_weakrefset: WeakSet, a set that holds its members only weakly.

Design notes
------------
A WeakSet keeps a plain set of weak references (`self.data`); each reference
carries a callback that drops it from the set once its member dies. Weak
references to equal objects are equal while both objects live and hash as
the objects do, so membership tests work by wrapping the probe in a fresh
reference.

The one subtle part is that a member can die at any moment, including while
someone iterates over the set: a callback that removed the reference then
would make the running loop fail with "Set changed size during iteration".
So iteration goes through _LoopMarker, which counts the loops in flight;
while that count is not zero, callbacks only note their reference in
`_dead_refs`, and the last loop to finish removes them. Methods that
change the set apply the pending removals first, so they never resurrect a
dead member's slot.

The callbacks hold the set itself only weakly: a WeakSet nobody uses any
more is freed even while its members live on.

weakref.py imports WeakSet from here, as CPython's does; code written for
CPython sometimes imports `_weakrefset` directly.
"""

from _weakref import ref

__all__ = ['WeakSet']


class _LoopMarker:
    """Marks [owner] as being iterated for the life of a `with` block."""

    __slots__ = ('owner_ref',)

    def __init__(self, owner):
        # Weak, so that an abandoned generator does not pin its container.
        self.owner_ref = ref(owner)

    def __enter__(self):
        owner = self.owner_ref()
        if owner is not None:
            owner._iterating += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        owner = self.owner_ref()
        if owner is not None:
            owner._iterating -= 1
            if owner._iterating == 0:
                owner._settle()


class WeakSet:
    """A set whose members are held by weak references."""

    def __init__(self, data=None):
        self.data = set()
        self._dead_refs = []
        self._iterating = 0
        me = ref(self)

        def _forget(member_ref, me=me):
            # Called when a member dies; [me] is the set, weakly.
            owner = me()
            if owner is None:
                return
            if owner._iterating:
                owner._dead_refs.append(member_ref)
            else:
                owner.data.discard(member_ref)

        self._forget = _forget
        if data is not None:
            self.update(data)

    def _settle(self):
        # Never while a loop runs over self.data: the last loop flushes.
        pending = self._dead_refs
        discard = self.data.discard
        while pending and not self._iterating:
            discard(pending.pop())

    def _wrap(self, item):
        return ref(item, self._forget)

    # -- reading ----------------------------------------------------------

    def __iter__(self):
        with _LoopMarker(self):
            for member_ref in self.data:
                member = member_ref()
                # A member that died mid-loop has a dead reference left
                # behind until the loop ends: skip it.
                if member is not None:
                    yield member

    def __len__(self):
        # Pending references are dead but still stored (unless something
        # removed them since): they must not count.
        data = self.data
        return len(data) - sum(1 for wr in self._dead_refs if wr in data)

    def __contains__(self, item):
        try:
            probe = ref(item)
        except TypeError:
            return False
        return probe in self.data

    def __repr__(self):
        return repr(self.data)

    def __reduce__(self):
        return self.__class__, (list(self),), self.__getstate__()

    def __getstate__(self):
        return getattr(self, '__dict__', None)

    # -- changing ---------------------------------------------------------

    def add(self, member):
        self._settle()
        self.data.add(self._wrap(member))

    def clear(self):
        self._settle()
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def pop(self):
        self._settle()
        # Dead references can linger mid-iteration; pop past them.
        while self.data:
            member = self.data.pop()()
            if member is not None:
                return member
        raise KeyError('pop from empty WeakSet')

    def remove(self, member):
        self._settle()
        self.data.remove(ref(member))

    def discard(self, member):
        self._settle()
        self.data.discard(ref(member))

    def update(self, members):
        self._settle()
        for member in members:
            self.data.add(self._wrap(member))

    # In-place algebra. Probes (references without callback) are enough to
    # find or drop members; only members we add need our callback.

    def difference_update(self, members):
        self._settle()
        if members is self:
            self.data.clear()
            return
        for probe in _probes(members):
            self.data.discard(probe)

    def intersection_update(self, members):
        self._settle()
        keep = _probes(members)
        self.data = {wr for wr in self.data if wr in keep}

    def symmetric_difference_update(self, members):
        self._settle()
        if members is self:
            self.data.clear()
            return
        # Each distinct incoming member toggles once, however often it is listed.
        incoming = {}
        for member in members:
            incoming.setdefault(ref(member), member)
        for probe, member in incoming.items():
            if probe in self.data:
                self.data.discard(probe)
            else:
                self.data.add(self._wrap(member))

    def __ior__(self, members):
        self.update(members)
        return self

    def __isub__(self, members):
        self.difference_update(members)
        return self

    def __iand__(self, members):
        self.intersection_update(members)
        return self

    def __ixor__(self, members):
        self.symmetric_difference_update(members)
        return self

    # -- algebra building new sets ----------------------------------------

    def union(self, members):
        result = self.copy()
        result.update(members)
        return result

    def difference(self, members):
        result = self.copy()
        result.difference_update(members)
        return result

    def intersection(self, members):
        result = self.copy()
        result.intersection_update(members)
        return result

    def symmetric_difference(self, members):
        result = self.copy()
        result.symmetric_difference_update(members)
        return result

    __or__ = union
    __sub__ = difference
    __and__ = intersection
    __xor__ = symmetric_difference

    # -- comparisons ------------------------------------------------------
    # Comparing the reference sets compares the live members, because live
    # references are equal exactly when their referents are.

    def issubset(self, members):
        return self.data <= _probes(members)

    def issuperset(self, members):
        return self.data >= _probes(members)

    def __le__(self, members):
        return self.issubset(members)

    def __ge__(self, members):
        return self.issuperset(members)

    def __lt__(self, members):
        return self.data < _probes(members)

    def __gt__(self, members):
        return self.data > _probes(members)

    def __eq__(self, members):
        if isinstance(members, type(self)):
            return self.data == _probes(members)
        return NotImplemented

    def isdisjoint(self, members):
        return not any(probe in self.data for probe in _probes(members))

    __hash__ = None

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def _probes(members):
    """A set of callback-less references to [members]."""
    return {ref(member) for member in members}
