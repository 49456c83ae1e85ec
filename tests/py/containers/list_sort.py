# sort: stability, key, reverse, fast paths and errors
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=str.lower, reverse=True))
nums = [5, -3, 2.5, 0, 10**20, -10**20, 7, 2]
print(sorted(nums), sorted(nums, reverse=True))
pairs = [(i % 3, i) for i in range(12)]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
floats = [3.5, -1.25, 2.0, 1e300, -0.0, 0.0]
floats.sort()
print(floats)
big = list(range(1000, 0, -1))
big.sort()
print(big[:5], big[-5:], big == list(range(1, 1001)))
data = [(x * 7919) % 1009 for x in range(1009)]
data.sort()
print(data == list(range(1009)))
try:
    [3, "a", 1].sort()
except TypeError as e:
    print("TypeError", e)
try:
    [1, 2].sort(key=1)
except TypeError as e:
    print("TypeError", e)
l = [3, 2, 1]
def bad_key(x):
    l.append(x)
    return x
try:
    l.sort(key=bad_key)
except ValueError as e:
    print("ValueError", e)
print(l)
l = [1, 2]
print(l.sort(), l.sort(reverse=True), l)
