a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a)
a |= b
print(a)
print({**a, "w": 0} == {"w": 0, **a})
print({1: "a", 1.0: "b", True: "c"})
print({"a": 1} == {"a": 1.0}, {"a": 1} != {"b": 1})
