n = 1
for i in range(70):
    n *= 2
print(n, n.bit_length())
while n > 1000:
    n //= 1000
print(n)
x = 2 ** 62
x += x
print(x, type(x).__name__)
y = -(2 ** 63)
y -= 1
print(y)
z = 9223372036854775807
print(z + 1, z * z, -z - 2)
