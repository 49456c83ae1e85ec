ONE_F = 1.0
cases = [
    lambda: "a" + 1, lambda: "a" * "b", lambda: "a" * 1.5, lambda: "abc"[5], lambda: "abc"[ONE_F],
    lambda: "x".join([1]), lambda: "x".join(5), lambda: "a".split(""), lambda: "a".index("z"),
    lambda: "a".rindex("z"), lambda: "a".find(1), lambda: "a".startswith(1),
    lambda: "a".center(5, "ab"), lambda: "a".center(5, 1), lambda: "a".strip(1),
    lambda: "a".split(1), lambda: "a".replace(1, "x"), lambda: 1 in "a", lambda: "a".partition(""),
    lambda: "a".removeprefix(1), lambda: str.maketrans("ab", "c"), lambda: str.maketrans(1),
    lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: 0x110000}),
    lambda: "a".zfill("x"), lambda: "a".encode(1), lambda: "ab"[::0],
]
for c in cases:
    try:
        print(c())
    except (TypeError, ValueError, IndexError, LookupError) as e:
        print(type(e).__name__, e)
s = "abc"
try:
    s[0] = "x"
except TypeError as e:
    print(e)
print("hello".translate(str.maketrans("el", "ip", "o")), "abc".translate({97: "AA", 98: None}))
print(str.maketrans({"a": 1, 98: "x"}))
