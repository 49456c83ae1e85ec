i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    print("i", i)
else:
    print("while done", i)
n = 10
while n > 0:
    if n == 7:
        print("break at", n)
        break
    n -= 1
else:
    print("not printed")
while False:
    pass
else:
    print("else of never-run while")
