"""Binary search over sorted sequences: bisect_left/right and insort_left/right.

Design notes
------------
Each search keeps the half-open window [lo, hi) that must contain the
answer and halves it until it is empty.  The left and right flavours differ
only in what happens on an element equal to x: bisect_left keeps looking to
its left (the answer is the first position whose element is >= x),
bisect_right to its right (the first element > x).  Only `<` is used, the
same comparison list.sort() and heapq use.

key= applies to the elements of the sequence, never to x: callers pass x
already in key space (insort does the conversion, since it also has to
insert the element itself).  The key and no-key loops are written out
separately so the common no-key case pays nothing per step.

CPython accelerates this module with _bisect; gilpy has only this file.
"""

def _window(a, lo, hi):
    if lo < 0:
        raise ValueError('lo must be non-negative')
    return len(a) if hi is None else hi


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """First index in a[lo:hi] (a sorted) where x could go: before any equal items.

    Everything before it is < x; everything from it on is >= x.
    """
    hi = _window(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return lo
    while lo < hi:
        mid = (lo + hi) // 2
        if key(a[mid]) < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Last index in a[lo:hi] (a sorted) where x could go: after any equal items.

    Everything before it is <= x; everything from it on is > x.
    """
    hi = _window(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
        return lo
    while lo < hi:
        mid = (lo + hi) // 2
        if x < key(a[mid]):
            hi = mid
        else:
            lo = mid + 1
    return lo


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted list a, before any items equal to it."""
    probe = x if key is None else key(x)
    # The search runs before a.insert is looked up, so a sequence that
    # cannot be searched fails with the search's error.
    at = bisect_left(a, probe, lo, hi, key=key)
    a.insert(at, x)


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted list a, after any items equal to it."""
    probe = x if key is None else key(x)
    at = bisect_right(a, probe, lo, hi, key=key)
    a.insert(at, x)


# The short names mean the "right" flavour.
bisect = bisect_right
insort = insort_right
