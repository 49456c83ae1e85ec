class OnlyIter:
    def __iter__(self):
        return iter([1, 2, 3])
class OnlyContains:
    def __contains__(self, x):
        print("contains", x)
        return x == "magic"
print(2 in OnlyIter(), 5 in OnlyIter(), 5 not in OnlyIter())
print("magic" in OnlyContains(), "other" in OnlyContains())
try:
    1 in 5
except TypeError as e:
    print(e)
