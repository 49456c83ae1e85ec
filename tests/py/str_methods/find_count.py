s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.find(""))
print(s.index("fox"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""))
print(s.startswith("the"), s.endswith("dog"), s.startswith(("a", "t")), s.endswith("x"))
print(s.startswith("quick", 4), s.find("o", 15, 20))
try:
    s.index("cat")
except ValueError as e:
    print(e)
