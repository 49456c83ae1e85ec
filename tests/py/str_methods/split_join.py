print("a,b,,c".split(","), "a b  c ".split(), "  lead".split(" "))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "abc".split("x"))
print("line1\nline2\r\nline3\n".splitlines(), "x\ny\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(map(str, range(4))))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "nokey".partition("="))
print("".split(), "".split(","), " ".split(" "))
try:
    "a".split("")
except ValueError as e:
    print(e)
try:
    "-".join([1, 2])
except TypeError as e:
    print(e)
