a, b = 0, 1
for i in range(300):
    a, b = b, a + b
print(a)
print(a.bit_length(), a % 1000000007)
print(sum(int(d) for d in str(a)))
