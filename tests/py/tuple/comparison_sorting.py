people = [("bob", 25), ("alice", 30), ("carol", 25)]
print(sorted(people), sorted(people, key=lambda p: (p[1], p[0])))
print(max(people, key=lambda p: p[1]), min(people))
print((1, 2, 3) < (1, 2, 4), (1, "a") < (1, "b"), () < (0,))
try:
    (1, "a") < ("a", 1)
except TypeError as e:
    print(e)
print(tuple(sorted((3, 1, 2))), tuple(reversed((1, 2))))
