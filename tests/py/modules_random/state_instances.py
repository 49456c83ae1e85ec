import random
random.seed(99)
state = random.getstate()
first = [random.random() for _ in range(3)]
random.setstate(state)
print(first == [random.random() for _ in range(3)])
r1 = random.Random(5)
r2 = random.Random(5)
print(r1.random() == r2.random(), r1.randint(1, 100), r2.randint(1, 100))
r3 = random.Random("text seed")
print(r3.random())
