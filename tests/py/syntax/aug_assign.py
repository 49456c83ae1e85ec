# Augmented assignment for every operator.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x /= 2; print(x)
y = 17
y %= 5; print(y)
y **= 3; print(y)
y <<= 2; print(y)
y >>= 1; print(y)
y &= 0xF0; print(y)
y |= 0x0F; print(y)
y ^= 0xFF; print(y)
s = "ab"
s += "cd"; s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
