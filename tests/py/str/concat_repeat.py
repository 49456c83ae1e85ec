a = "ab"
print(a + "cd", a * 3, 3 * a, a * 0, a * -1)
print("-" * 10)
s = ""
for i in range(5):
    s += str(i)
print(s)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    "a" * "b"
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
