data = {"a": [1, 2, 3]}
print(f"{data['a'][1:]}")
print(f"{','.join(str(i) for i in range(3))}")
print(f"{(lambda v: v * 2)(21)}")
print(f"{3 + 4 = }")
width = 6
print(f"{'x':>{width}}|")
print(f"""multi
{width}
line""")
print(f"{'a' 'b'}", f"a" f"{1}" "c")
