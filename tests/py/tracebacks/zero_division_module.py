total = 0
for i in range(3, -1, -1):
    total += 10 // i
print(total)
