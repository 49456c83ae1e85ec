# heapq functions accept only lists (TypeError otherwise), and the private
# max-heap and sift helpers that programs use exist and work.
import heapq
import random

for name, args in [('heappush', (None, 1)), ('heappop', (None,)), ('heapify', ((3, 1),)),
                   ('heapreplace', (None, None)), ('heappushpop', ('ab', 'c')),
                   ('heappop', ([],)), ('heapreplace', ([], 1))]:
    try:
        getattr(heapq, name)(*args)
    except (TypeError, IndexError) as e:
        print(name, type(e).__name__, e)


class MyList(list):
    pass

h = MyList([5, 3, 8])
heapq.heapify(h)
heapq.heappush(h, 1)
print(type(h).__name__, [heapq.heappop(h) for _ in range(len(h))])
print(heapq.heappushpop([], 4), heapq.heappushpop([1, 2], 0), heapq.heappushpop([1, 2], 5))

rng = random.Random(7)
data = [rng.randrange(100) for _ in range(60)]
mx = list(data)
heapq._heapify_max(mx)
print(all(mx[i] >= mx[c] for i in range(len(mx)) for c in (2 * i + 1, 2 * i + 2) if c < len(mx)))
out = [heapq._heappop_max(mx) for _ in range(10)]
print(out == sorted(data, reverse=True)[:10])
print(heapq._heapreplace_max(mx, -1) == sorted(data, reverse=True)[10], len(mx))
print(heapq._heappop_max([7]))
try:
    heapq._heappop_max([])
except IndexError as e:
    print('IndexError', e)

h = [1, 4, 9, 16]
h.append(0)
heapq._siftdown(h, 0, len(h) - 1)
print(h[0], heapq.heappop(h))
h[0] = 100
heapq._siftup(h, 0)
print([heapq.heappop(h) for _ in range(len(h))])
