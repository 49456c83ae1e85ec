match = 1
case = 2
_ = 3
match.x = 4
print(match, case, _)
type = 5
print = print
