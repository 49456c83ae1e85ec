parts = []
for i in range(1000):
    parts.append(str(i % 10))
s = "".join(parts)
print(len(s), s[:20], s[-5:], s.count("7"))
acc = ""
for i in range(200):
    acc += "ab"
print(len(acc), acc[:6])
print(len("x" * 100000), ("ab" * 3).upper())
