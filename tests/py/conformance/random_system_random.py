# random.SystemRandom: a Random subclass drawing from the OS, with a no-op
# seed() and no state; results are only checked for ranges and types.
import random
r = random.SystemRandom()
print(type(r).__name__, isinstance(r, random.Random), random.SystemRandom.__mro__[1].__name__)
print(0 <= r.random() < 1, r.randint(1, 6) in range(1, 7), r.choice('abc') in 'abc')
print(len(r.sample(range(100), 10)), r.getrandbits(64) < 2**64, len(r.randbytes(5)))
print(r.seed(42), r.seed())
for m in ('getstate',):
    try:
        getattr(r, m)()
    except NotImplementedError as e:
        print('NotImplementedError', e)
try:
    r.setstate(None)
except NotImplementedError as e:
    print('NotImplementedError', e)
s = random.SystemRandom(5)
print(len({s.random() for _ in range(50)}) == 50)
class Mine(random.SystemRandom):
    pass
print(0 <= Mine().uniform(2, 3) <= 3)
a = random.Random(3); b = random.Random(3)
print(a.random() == b.random())
l = list(range(20)); r.shuffle(l); print(sorted(l) == list(range(20)))
