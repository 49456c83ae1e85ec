café = 1
naïve = café
日本 = 2
Ω = 3
_x = 4
x_ = 5
__dunder__ = 6
ä.b = 1
print(café, naïve, 日本, Ω)
