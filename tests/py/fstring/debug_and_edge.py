name = "gilpy"
items = [1, 2]
print(f"{name!r:>10}|{name:.3}|{len(items)=}")
print(f"{items[0] + items[1]:03d}")
print(f"{'quoted'}" f'{"double"}')
print(f"{3.0:g} {3.5:g} {1e6:g} {1e-6:g}")
print(f"{1_000_000:_} {255:#x} {255:08b}")
print(f"{None!s} {True!r}")
x = 7
print(f"{x:>{x}}|{x:<{x}}|{x:^{x}}|")
print(f"{'α':*^5}")
