import random
random.seed(42)
print(random.random(), random.getrandbits(1), random.getrandbits(31), random.getrandbits(33), random.getrandbits(200))
print([random.randrange(3, 100, 7) for _ in range(6)], random.randrange(-10, -2), random.randrange(10, 0, -3))
print(random.randint(10 ** 30, 10 ** 31), random.randrange(2 ** 70))
print(random.choices('abc', k=5), random.choices(range(5), weights=[1, 0, 0, 0, 9], k=4))
print(random.choices(['x', 'y'], cum_weights=[1, 3], k=4))
print(random.sample(range(10 ** 6), 8), random.sample('abcdefghij', 4))
print(random.gauss(), random.gauss(10, 2), random.normalvariate(), random.expovariate(2))
print(random.triangular(), random.triangular(0, 10, 2), random.lognormvariate(0, 0.5))
print(random.uniform(5, 1), random.randbytes(5))
for seed in ['hello', b'bytes', 3.5, -42, 0, 2 ** 100, True]:
    random.seed(seed)
    print(repr(seed), random.random())
r = random.Random('a string')
print(r.random(), r.randint(1, 6))
s = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(s)
print(a == [r.random() for _ in range(3)], s[0], len(s[1]))
errs = ['random.randrange(0)', 'random.randrange(5, 5)', 'random.randrange(1, 10, 0)',
        'random.choice([])', 'random.sample([1, 2], 3)',
        'random.sample({1, 2}, 1)', 'random.getrandbits(-1)', 'random.choices([1], [1, 2])',
        'random.choices([1, 2], [0, 0])', 'random.randint(1, 0)']
for e in errs:
    try:
        print(e, eval(e))
    except Exception as ex:
        print(e, type(ex).__name__, ex)
class MyRandom(random.Random):
    pass
m = MyRandom(7)
print(m.random(), isinstance(m, random.Random))
lst = list(range(20))
random.seed(3)
random.shuffle(lst)
print(lst)
