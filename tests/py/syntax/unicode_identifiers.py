# Unicode identifiers and string content.
café = "coffee"
π = 3.14159
print(café, π)
名前 = "name"
print(名前, len(名前))
def größe(x):
    return x * 2
print(größe(21))
