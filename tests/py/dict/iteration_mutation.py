d = {1: "a", 2: "b"}
try:
    for k in d:
        d[k + 10] = "x"
except RuntimeError as e:
    print(e)
d = {i: i * i for i in range(5)}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
for k, v in d.items():
    print(k, v)
