def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(20))
print(fact(25))
print(fact(50))
print(len(str(fact(100))))
print(fact(30) // fact(28))
