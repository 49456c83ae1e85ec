s = "hello, world"
print(s[0], s[-1], s[4], s[-5])
print(s[2:5], s[:5], s[7:], s[:], s[::2], s[::-1], s[-5:-1], s[1:10:3])
print(s[100:], s[5:2], s[-100:3])
u = "naïve ☃ 日本"
print(len(u), u[2], u[6], u[-1], u[::-1])
try:
    s[20]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[0] = 'H'
except TypeError as e:
    print(type(e).__name__, e)
