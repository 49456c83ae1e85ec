stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print(stack.pop(), end=" ")
print()
queue = list("abc")
queue.append("d")
while queue:
    print(queue.pop(0), end="")
print()
