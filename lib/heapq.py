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

CPython's private max-heap helpers (_heapify_max and friends) are not
provided.
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


def heappush(heap, item):
    """Add [item] to the heap."""
    heap.append(item)
    _rise(heap, 0, len(heap) - 1)


def heappop(heap):
    """Remove and return the smallest item; IndexError if the heap is empty."""
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
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _sink(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Push [item], then pop the smallest item, in one step."""
    if heap and heap[0] < item:
        smallest = heap[0]
        heap[0] = item
        _sink(heap, 0)
        return smallest
    return item


def heapify(x):
    """Rearrange list [x] into a heap, in place, in linear time."""
    # Leaves are heaps already; fix the inner nodes from the last one up.
    for pos in range(len(x) // 2 - 1, -1, -1):
        _sink(x, pos)


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
