def source():
    print("source evaluated")
    return [1, 2, 3]
gen = (x * 2 for x in source())
print("generator created")
print(list(gen))
try:
    g = (x for x in 5)
except TypeError as e:
    print("eager error:", e)
data = [1, 2, 3]
g2 = (x for x in data)
data = [10]
print(list(g2))
