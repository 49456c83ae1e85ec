s = "abcdefghij"
print(s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[-1:-4:-1], s[2:8:-1])
l = list(range(10))
print(l[::-3], l[-2::-2], l[5::-1], l[:5:-1])
t = tuple(l)
print(t[7:1:-2])
print(l[-100:100], l[100:-100:-1])
