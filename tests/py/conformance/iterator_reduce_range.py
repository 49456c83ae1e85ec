# range iterators (small and big) pickle as (iter, (range(start, stop, step),),
# items_taken), naming the range they started from; __setstate__ moves them.
import pickle
it = iter(range(10)); print(it.__reduce__())
next(it); print(it.__reduce__())
next(it); next(it); print(it.__reduce__())
it = iter(range(5, 20, 3)); next(it); print(it.__reduce__()); print(list(it)); print(it.__reduce__())
it = iter(range(5, 20, 3)); it.__setstate__(2); print(list(it))
it = iter(range(5, 20, 3)); it.__setstate__(-2); print(list(it))
it = iter(range(5, 20, 3)); it.__setstate__(99); print(list(it), it.__reduce__())
it = iter(range(2**70, 2**70+5)); next(it); print(it.__reduce__(), type(it).__name__)
it = reversed(range(1, 10, 2)); next(it); print(it.__reduce__(), list(pickle.loads(pickle.dumps(it))))
it = iter(range(-3, -30, -4)); next(it); next(it); print(it.__reduce__(), list(pickle.loads(pickle.dumps(it))))
it = iter(range(0)); print(it.__reduce__())
it = iter(range(3)); next(it); print(list(pickle.loads(pickle.dumps(it))))
