s = "aaaa"
print(s.count("aa"), s.find("aa", 1), s.replace("aa", "b"), s.split("aa"))
print("abcabc".index("c", 3), "abc".find("c", -1), "abc".find("a", -1))
print("".count(""), "abc".count("", 1), "hello"[1:].startswith("ell"))
print("ab" in "xaby", "ba" in "xaby", "abc".startswith(""), "x".endswith(("y", "x")))
