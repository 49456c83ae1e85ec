import math
print(math.gcd(2 ** 100, 6 ** 40), math.gcd(-12, 18), math.gcd(0, 0))
print(math.isqrt(10 ** 40), math.isqrt(2 ** 101))
print(math.factorial(30), math.comb(60, 30), math.perm(20, 5))
print(abs(-(10 ** 20)), (10 ** 20).bit_length(), (-(2 ** 64)).bit_length())
print((2 ** 64).to_bytes(9, 'big'), int.from_bytes(b'\x01' + b'\x00' * 10, 'big'))
