for i in range(3):
    print("line", i)
items = []
print(items[0])
