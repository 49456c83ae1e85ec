s = "quote's"
print(f"{s!r}", f"{s!s}", f"{'é'!a}")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p"
p = P()
print(f"{p} {p!r} {p!s}")
x = 10
print(f"{x=}", f"{x + 1 = }", f"{s=!s}", f"{x=:5d}")
