# heapq: the heap invariant after every operation, pop order, pushpop and
# replace semantics, errors on empty heaps, nsmallest/nlargest with keys and
# ties, and merge (lazy, stable, key=, reverse=, infinite inputs).
import heapq
import itertools

state = 7


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % (1 << 31)
    return state % n


def is_heap(h):
    return all(not h[(i - 1) // 2] > h[i] for i in range(1, len(h)))


data = [rand(100) for _ in range(200)]
h = []
for v in data:
    heapq.heappush(h, v)
print('push keeps invariant:', is_heap(h), len(h))
out = [heapq.heappop(h) for _ in range(len(h))]
print('pop order sorted:', out == sorted(data), out[:10])

h = data[:]
heapq.heapify(h)
print('heapify:', is_heap(h), h[0] == min(data))
for size in range(0, 9):
    part = [rand(10) for _ in range(size)]
    heapq.heapify(part)
    print(size, part, is_heap(part))

h = [5, 7, 9]
print('pushpop smaller:', heapq.heappushpop(h, 1), h)
print('pushpop larger:', heapq.heappushpop(h, 8), h)
print('pushpop empty:', heapq.heappushpop([], 3))
print('replace:', heapq.heapreplace(h, 100), h, is_heap(h))
for fn in (heapq.heappop, lambda hp: heapq.heapreplace(hp, 1)):
    try:
        fn([])
    except IndexError as e:
        print('IndexError:', e)

# Tuples as (priority, order, payload) never compare the payload.
tasks = []
for i, (prio, name) in enumerate([(3, 'c'), (1, 'a'), (3, 'c2'), (2, 'b'), (1, 'a2')]):
    heapq.heappush(tasks, (prio, i, name))
print([heapq.heappop(tasks)[2] for _ in range(5)])

# Equal keys: nsmallest/nlargest keep input order, like sorted().
words = ['bb', 'a', 'ccc', 'dd', 'e', 'fff', 'gg']
for n in (0, 1, 3, 7, 10, -1):
    print(n, heapq.nsmallest(n, words, key=len), heapq.nlargest(n, words, key=len),
          heapq.nsmallest(n, [3, 1, 2]), heapq.nlargest(n, iter([3, 1, 2])))
print(heapq.nsmallest(2, []), heapq.nlargest(2, [], key=abs), heapq.nlargest(2, [-5, 3, 4], key=abs))

# merge
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([], [1], [], [0, 2])), list(heapq.merge()), list(heapq.merge([1, 2])))
print(list(heapq.merge(['a1', 'b1'], ['a2', 'b2'], key=lambda s: s[0])))
print(list(heapq.merge([9, 5, 1], [8, 5, 2], reverse=True)))
print(list(heapq.merge(['x9', 'y5'], ['z9', 'w5'], key=lambda s: int(s[1]), reverse=True)))
evens = itertools.count(0, 2)
odds = itertools.count(1, 2)
print(list(itertools.islice(heapq.merge(evens, odds), 10)))
m = heapq.merge([1, 3], [2])
print(type(m).__name__ in ('generator', 'merge'), next(m), list(m))
print(sorted(heapq.__all__))
