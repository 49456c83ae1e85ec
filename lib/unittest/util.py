"""Small text helpers shared by the unittest modules.

Design notes
------------
Failure messages must read exactly like CPython's, and CPython keeps them
short: a repr longer than 80 characters is cut down around the place where
the two values start to differ, with the dropped run written as
"[N chars]".  shorten_pair() does that for any number of values at once,
because "a != b" only makes sense when both sides are cut the same way.

count_differences() backs assertCountEqual.  It reports, in the order the
elements were first seen (first argument, then second), each element whose
number of occurrences differs.  Hashable input goes through a dict of
counts; anything else falls back to a quadratic scan that only needs ==.
"""

__unittest = True

# A repr is never shown longer than this many characters in a one-line
# failure message.
MAX_REPR = 80
# Width of the "[NNN chars]" marker that stands for a dropped run.
_MARKER_WIDTH = 12
# Characters always kept before the marker and after it.
_KEEP_HEAD = 5
_KEEP_TAIL = 5
_KEEP_SHARED = 5
# How much of the differing tail survives when the shared prefix alone
# is already too long.
_KEEP_DIFFERING = MAX_REPR - (_KEEP_HEAD + _MARKER_WIDTH + _KEEP_SHARED
                              + _MARKER_WIDTH + _KEEP_TAIL)


def safe_repr(obj, short=False):
    """repr() of [obj] that never raises; with [short], long text is cut
    to MAX_REPR characters and marked as truncated."""
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if short and len(text) >= MAX_REPR:
        text = text[:MAX_REPR] + ' [truncated]...'
    return text


def strclass(cls):
    """The dotted name tests use for a class: module plus qualified name."""
    return '%s.%s' % (cls.__module__, cls.__qualname__)


def _elide(text, head, tail):
    # Replace the middle of [text] with a marker, but only when the marker
    # is actually shorter than what it hides.
    dropped = len(text) - head - tail
    if dropped <= _MARKER_WIDTH:
        return text
    return '%s[%d chars]%s' % (text[:head], dropped, text[len(text) - tail:])


def _shared_prefix(texts):
    first = min(texts)
    last = max(texts)
    n = 0
    limit = min(len(first), len(last))
    while n < limit and first[n] == last[n]:
        n += 1
    return first[:n]


def shorten_pair(*values):
    """The reprs of [values], each cut the same way so that their
    difference stays visible when they are too long to show whole."""
    reprs = tuple(safe_repr(v) for v in values)
    longest = max(len(r) for r in reprs)
    if longest <= MAX_REPR:
        return reprs
    shared = _shared_prefix(reprs)
    cut = len(shared)
    room = MAX_REPR - (longest - cut + _KEEP_HEAD + _MARKER_WIDTH)
    if room > _KEEP_SHARED:
        # Only the shared prefix needs shortening; every tail fits.
        head = _elide(shared, _KEEP_HEAD, room)
        return tuple(head + r[cut:] for r in reprs)
    head = _elide(shared, _KEEP_HEAD, _KEEP_SHARED)
    return tuple(head + _elide(r[cut:], _KEEP_DIFFERING, _KEEP_TAIL)
                 for r in reprs)


def three_way_cmp(x, y):
    """-1, 0 or 1 as [x] sorts before, with or after [y]."""
    return (x > y) - (x < y)


def _diff_by_scan(first, second):
    # Elements need not be hashable here, so every count is taken by a
    # linear scan and a matched element is blanked out so that it is
    # counted once.
    gone = object()
    left = list(first)
    right = list(second)
    found = []
    for i, elem in enumerate(left):
        if elem is gone:
            continue
        n_left = 0
        for j in range(i, len(left)):
            if left[j] == elem:
                n_left += 1
                left[j] = gone
        n_right = 0
        for j, other in enumerate(right):
            if other is not gone and other == elem:
                n_right += 1
                right[j] = gone
        if n_left != n_right:
            found.append((n_left, n_right, elem))
    for i, elem in enumerate(right):
        if elem is gone:
            continue
        n_right = 0
        for j in range(i, len(right)):
            if right[j] == elem:
                n_right += 1
                right[j] = gone
        found.append((0, n_right, elem))
    return found


def _tally(items):
    counts = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def count_differences(first, second):
    """(count in first, count in second, element) for every element whose
    counts differ, in first-seen order."""
    try:
        left = _tally(first)
        right = _tally(second)
    except TypeError:
        return _diff_by_scan(first, second)
    found = []
    for elem, n_left in left.items():
        n_right = right.get(elem, 0)
        if n_left != n_right:
            found.append((n_left, n_right, elem))
    for elem, n_right in right.items():
        if elem not in left:
            found.append((0, n_right, elem))
    return found
