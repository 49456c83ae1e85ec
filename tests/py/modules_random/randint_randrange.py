import random
random.seed(1)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(0, 100, 5) for _ in range(5)])
print(random.randint(-1000, 1000), random.randrange(10 ** 20))
