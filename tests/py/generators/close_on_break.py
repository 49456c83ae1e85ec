def resource():
    try:
        for i in range(10):
            yield i
    finally:
        print("resource released")
for v in resource():
    if v == 2:
        break
print("after loop")
g = resource()
print(next(g))
del g
print("after del")
def counted():
    yield from range(3)
print(sum(counted()), list(counted()))
