"""Binary min-heaps kept in plain lists, plus nsmallest, nlargest and merge.

Design notes
------------
A heap is a list where every item is <= its two children: the children of
index i live at 2*i+1 and 2*i+2, so heap[0] is the smallest item.  Only `<`
is ever used to compare items.

Two moves keep that invariant:
  * _rise(heap, floor, pos) lets heap[pos] climb towards index [floor]
    while it is smaller than its parent (used after an append);
  * _sink(heap, pos) refills a vacated top: it walks the hole at [pos] down
    to a leaf, always through the smaller child, drops the moving item
    there and lets it rise back.  Items that arrive at the top come from
    the bottom and usually belong near the bottom again, so this saves the
    item-versus-child comparison at every level on the way down.

nsmallest and nlargest are defined as slices of sorted() (which is what the
documentation promises they equal, stability included); gilpy's sort is in
C, so this is also the fast way for the sizes scripts use.  merge is lazy:
a heap holds one entry per input iterator, so it works on unbounded inputs
and keeps equal items in input order.

The functions take lists only (subclasses included), like CPython's C
versions, so a wrong argument is a TypeError rather than some error from
deep inside.  CPython's private helpers that programs reach for are here
too: _siftdown/_siftup (our _rise/_sink) and the max-heap trio
_heapify_max, _heappop_max and _heapreplace_max.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge', 'nlargest',
           'nsmallest', 'heappushpop']


def _rise(heap, floor, pos):
    item = heap[pos]
    while pos > floor:
        parent_at = (pos - 1) >> 1
        parent = heap[parent_at]
        if not item < parent:
            break
        heap[pos] = parent
        pos = parent_at
    heap[pos] = item


def _sink(heap, pos):
    size = len(heap)
    top = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < size:
        sibling = child + 1
        if sibling < size and not heap[child] < heap[sibling]:
            child = sibling
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _rise(heap, top, pos)


def _need_list(name, heap):
    if not isinstance(heap, list):
        shown = 'None' if heap is None else type(heap).__name__
        # One-argument functions say just "argument", as CPython's do.
        which = 'argument' if name in _ONE_ARGUMENT else 'argument 1'
        raise TypeError('%s() %s must be list, not %s' % (name, which, shown))


_ONE_ARGUMENT = ('heappop', 'heapify', '_heapify_max', '_heappop_max')


def heappush(heap, item):
    """Add [item] to the heap."""
    _need_list('heappush', heap)
    heap.append(item)
    _rise(heap, 0, len(heap) - 1)


def heappop(heap):
    """Remove and return the smallest item; IndexError if the heap is empty."""
    _need_list('heappop', heap)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    smallest = heap[0]
    heap[0] = last
    _sink(heap, 0)
    return smallest


def heapreplace(heap, item):
    """Pop the smallest item, then push [item] (the result may be larger than item)."""
    _need_list('heapreplace', heap)
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _sink(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push [item], then pop the smallest item, in one step."""
    _need_list('heappushpop', heap)
    if heap and heap[0] < item:
        smallest = heap[0]
        heap[0] = item
        _sink(heap, 0)
        return smallest
    return item


def heapify(x):
    """Rearrange list [x] into a heap, in place, in linear time."""
    _need_list('heapify', x)
    # Leaves are heaps already; fix the inner nodes from the last one up.
    for pos in range(len(x) // 2 - 1, -1, -1):
        _sink(x, pos)


# CPython's names for the two moves.
_siftdown = _rise
_siftup = _sink


# The max-heap mirror images: every item is >= its children.

def _rise_max(heap, floor, pos):
    item = heap[pos]
    while pos > floor:
        parent_at = (pos - 1) >> 1
        parent = heap[parent_at]
        if not parent < item:
            break
        heap[pos] = parent
        pos = parent_at
    heap[pos] = item


def _sink_max(heap, pos):
    size = len(heap)
    top = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < size:
        sibling = child + 1
        if sibling < size and not heap[sibling] < heap[child]:
            child = sibling
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _rise_max(heap, top, pos)


def _heapify_max(x):
    """Rearrange list [x] into a max-heap, in place."""
    _need_list('_heapify_max', x)
    for pos in range(len(x) // 2 - 1, -1, -1):
        _sink_max(x, pos)


def _heappop_max(heap):
    """Remove and return the largest item of a max-heap."""
    _need_list('_heappop_max', heap)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    largest = heap[0]
    heap[0] = last
    _sink_max(heap, 0)
    return largest


def _heapreplace_max(heap, item):
    """Pop the largest item of a max-heap, then push [item]."""
    _need_list('_heapreplace_max', heap)
    if not heap:
        raise IndexError('index out of range')
    largest = heap[0]
    heap[0] = item
    _sink_max(heap, 0)
    return largest


def nsmallest(n, iterable, key=None):
    """The n smallest items, smallest first: sorted(iterable, key=key)[:n]."""
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items, largest first: sorted(iterable, key=key, reverse=True)[:n]."""
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]


class _Descending:
    # Turns a max-first order into the min-heap's order for merge(reverse=True).
    __slots__ = ('value',)

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        return other.value < self.value

    def __eq__(self, other):
        return self.value == other.value


def merge(*iterables, key=None, reverse=False):
    """Lazily merge already-sorted inputs into one sorted stream.

    Items comparing equal come out in the order of the inputs they came
    from.  With reverse=True every input must be sorted largest first.
    """
    def rank(value):
        k = value if key is None else key(value)
        return _Descending(k) if reverse else k

    # Entries are [rank, input number, value, iterator]; the input number
    # breaks ties, so values and iterators are never compared.
    entries = []
    for number, iterable in enumerate(iterables):
        source = iter(iterable)
        for value in source:
            entries.append([rank(value), number, value, source])
            break
    heapify(entries)
    while len(entries) > 1:
        entry = entries[0]
        yield entry[2]
        for value in entry[3]:
            entry[0] = rank(value)
            entry[2] = value
            _sink(entries, 0)
            break
        else:
            heappop(entries)
    if entries:
        _, _, value, source = entries[0]
        yield value
        yield from source
