print("before the error")
x = {"a": 1}
print(x["b"])
print("never printed")
