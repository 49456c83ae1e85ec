# List and tuple iterators pickle as (iter, (seq,), index) -- reversed for a
# reversed list -- and __setstate__ clamps the index it is given; once
# exhausted they reduce to iter over an empty sequence.
import pickle

l = [1, 2, 3]
it = iter(l)
next(it)
print(it.__reduce__())
list(it)
print(it.__reduce__())
it = reversed(l)
next(it)
print(it.__reduce__())
list(it)
print(it.__reduce__())
it = iter((1, 2))
next(it)
print(it.__reduce__())
list(it)
print(it.__reduce__())
for st in (-5, 2, 10):
    forward, backward, tup = iter([1, 2, 3]), reversed([1, 2, 3]), iter((1, 2, 3))
    for x in (forward, backward, tup):
        x.__setstate__(st)
    print(st, list(forward), list(backward), list(tup))
it = iter([10, 20, 30])
next(it)
copy = pickle.loads(pickle.dumps(it))
print(list(copy), list(it))
it = reversed([1, 2, 3])
next(it)
print(list(pickle.loads(pickle.dumps(it))))
try:
    iter([1]).__setstate__("x")
except TypeError as e:
    print("TypeError:", e)
