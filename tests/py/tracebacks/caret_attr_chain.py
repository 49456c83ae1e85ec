class A:
    b = None
print(A().b.c)
