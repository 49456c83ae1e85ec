# The global statement.
counter = 0
def inc():
    global counter
    counter += 1
for _ in range(3):
    inc()
print(counter)
def make():
    global newname
    newname = "created"
make()
print(newname)
def reader():
    return counter * 10
print(reader())
