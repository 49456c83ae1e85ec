x = "outer"
result = [x for x in range(3)]
print(result, x)
y = 10
print([y + i for i in range(3)])
def f():
    z = 5
    return [z * i for i in range(3)]
print(f())
print([[j for j in range(i)] for i in range(4)])
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print(e)
