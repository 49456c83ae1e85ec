a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 10, -17 >> 1)
print(-5 & 0xFF, -5 | 2, -5 ^ 3)
print(bin(a & b), hex(255), oct(8))
print((5).bit_length(), (0).bit_length(), (-8).bit_length(), (255).bit_length())
