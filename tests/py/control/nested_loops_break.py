found = None
for i in range(1, 10):
    for j in range(1, 10):
        if i * j == 42:
            found = (i, j)
            break
    if found:
        break
print(found)
count = 0
i = 0
while True:
    i += 1
    if i % 2:
        continue
    count += i
    if i >= 10:
        break
print(count)
