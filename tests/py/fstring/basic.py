name = "World"
n = 42
print(f"Hello, {name}!")
print(f"{n} {n + 1} {n * 2} {n // 5}")
print(f"{'nested'} {name.upper()} {len(name)}")
print(f"{{braces}} {{{n}}}")
print(F"upper F {n}")
items = [1, 2, 3]
print(f"{items} {items[0]} {sum(items)}")
d = {"k": "v"}
print(f"{d['k']} {d}")
print(f"{n if n > 40 else 0}")
