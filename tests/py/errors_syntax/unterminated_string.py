x = 1
s = "no end
print(s)
