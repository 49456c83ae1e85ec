class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c))
it = iter(c)
print(iter(it) is it, next(it))
for x in Countdown(2):
    print("x", x)
