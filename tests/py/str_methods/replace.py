s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("", "-"))
print("aaa".replace("a", "aa"), "abc".replace("x", "y"), "a.b.c".replace(".", ""))
print("tab\tsep".expandtabs(4), "a\tbb\tccc".expandtabs())
