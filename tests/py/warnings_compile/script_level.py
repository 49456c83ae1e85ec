# Warnings of the main script itself, as the default filters show them on
# stderr: each SyntaxWarning with its source line, no DeprecationWarning
# (the compiler names the module after the file, not __main__).
x = 5
print(x is 5, x is not "a")
s = '\d'
assert (x, "x must be set")
if x is None or x is ...:
    print("singleton")
while x is not 1:
    x -= 1
print("done", s)
