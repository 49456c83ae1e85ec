# Case mapping and predicates beyond ASCII, as CPython 3.11 (Unicode 14).
words = ["straße", "ΟΔΟΣ ΣΑ", "héllo wörld", "ǅemal", "İstanbul", "ﬁne", "Ωmega", "ℌ"]
for w in words:
    print(repr(w.upper()), repr(w.lower()), repr(w.title()), repr(w.capitalize()),
          repr(w.swapcase()), repr(w.casefold()))
for s in ["½", "²", "٣", "Ⅻ", "一", "a1", "ab", "", " \u3000", "\u2028", "É", "ǅ", "Ab Cd", "ab_1", "1a"]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(),
          s.isascii())
print("a\u2028b\x1cc\x85d".splitlines())
print("x\u3000y\u00a0z".split())
print(len("héllo 😀"), "héllo 😀"[-1], "héllo 😀"[1:4], "héllo 😀"[::-1])
s = "é" * 200 + "abc" + "ü" * 100
print(s[250], s[199:204], s.find("abc"), s.rfind("ü"), s.index("b"), len(s[::3]))
