def echo():
    received = None
    while True:
        received = yield "got " + str(received)
g = echo()
print(next(g))
print(g.send(1))
print(g.send("two"))
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
print(a.send(10), a.send(20), a.send(60))
try:
    echo().send(5)
except TypeError as e:
    print(e)
