d = {}
for i in range(10000):
    d[i] = i * 2
for i in range(0, 10000, 2):
    del d[i]
print(len(d), d[9999], sum(d.values()))
s = {str(i): i for i in range(1000)}
print(s["999"], len(s), list(s)[:3])
