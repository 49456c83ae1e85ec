for x in [1, 3, 5]:
    if x % 2 == 0:
        print("found even", x)
        break
else:
    print("no even number")
for x in [1, 4, 5]:
    if x % 2 == 0:
        print("found even", x)
        break
else:
    print("not printed")
for x in []:
    print("never")
else:
    print("empty loop else")
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print(i, j)
