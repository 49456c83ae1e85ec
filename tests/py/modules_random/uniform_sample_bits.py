import random
random.seed(2024)
print(random.uniform(1, 10), random.uniform(-5, 5))
print(random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))
print(random.sample(range(100), 5))
print(random.sample(["a", "b", "c", "d"], 2))
print(sorted(random.sample(range(10), 10)))
