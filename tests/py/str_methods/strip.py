s = "  \t hello \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "..a..".lstrip("."), "..a..".rstrip("."))
print(repr("".strip()), "www.example.com".strip("cmowz."))
print("prefix_body".removeprefix("prefix_"), "body.py".removesuffix(".py"), "x".removeprefix("y"))
