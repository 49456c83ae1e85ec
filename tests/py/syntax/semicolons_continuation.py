# Semicolons, backslash continuation and implicit line joining.
a = 1; b = 2; print(a + b)
total = 1 + \
        2 + \
        3
print(total)
items = [
    1,
    2,  # comment inside
    3,
]
print(items)
value = (10
         * 2)
print(value)
if a == 1 and \
   b == 2:
    print("joined")
s = ("abc"
     "def")
print(s)
