# reversed(seq).__length_hint__ asks the sequence for its current length:
# errors from __len__ propagate, and a shrunk sequence gives 0.
import operator


class Seq:
    def __init__(self, n):
        self.n = n
        self.fail = False

    def __len__(self):
        if self.fail:
            1 / 0
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i


s = Seq(5)
r = reversed(s)
print(operator.length_hint(r), next(r), operator.length_hint(r))
s.n = 2
print(operator.length_hint(r))
s.fail = True
try:
    operator.length_hint(r)
except ZeroDivisionError:
    print("ZeroDivisionError")
s.fail = False
s.n = 5
print(list(r), operator.length_hint(r))
data = [1, 2, 3]
rd = reversed(data)
print(operator.length_hint(rd), operator.length_hint(reversed("abc")))
