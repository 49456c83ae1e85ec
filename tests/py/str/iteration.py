for ch in "abc":
    print(ch, ord(ch))
print(list("héllo"), tuple("ab"))
print([c.upper() for c in "xyz"])
print(chr(65), chr(0x263A), ord("€"), chr(128512))
print("".join(reversed("stressed")))
print(list(enumerate("ab")))
try:
    chr(-1)
except ValueError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
