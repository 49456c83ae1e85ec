a, b = 1, 2
msg = (
    f"a={a} "
    f"b={b} "
    "plain "
    f"sum={a + b}"
)
print(msg)
print(f"{a}" + f"{b}")
print(f"{'{'}{a}{'}'}")
