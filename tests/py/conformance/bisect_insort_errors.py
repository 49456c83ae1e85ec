# insort_left/insort_right search first: a sequence that cannot be searched
# fails with the search's TypeError, not with a missing insert().
import bisect


class LenOnly:
    def __len__(self):
        return 10


class GetOnly:
    def __getitem__(self, i):
        return 1


for f in (bisect.insort_left, bisect.insort_right, bisect.insort, bisect.bisect_left):
    for seq in (10, LenOnly(), GetOnly()):
        try:
            f(seq, 10)
            print(f.__name__, 'ok')
        except (TypeError, AttributeError) as e:
            print(f.__name__, type(e).__name__)


class Recorder(list):
    def insert(self, i, x):
        print('insert at', i)
        super().insert(i, x)

r = Recorder([1, 3, 5])
bisect.insort(r, 4)
bisect.insort_left(r, 1, key=None)
print(r)
