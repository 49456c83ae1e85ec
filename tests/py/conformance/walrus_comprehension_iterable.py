# An assignment expression may not appear in a comprehension's iterable
# (even nested in a lambda or inner comprehension there), and a later
# `for` target may not rebind a name an earlier walrus assigned.
cases = [
    "[i for i in (i := range(5))]",
    "[i for i in (2, 3, j := range(5))]",
    "{i for i in (lambda: (j := range(5)))()}",
    "[i for i in range(5) for j in (k := range(5))]",
    "[i for i in [j for j in (k := range(5))]]",
    "[i for i in [(j := True) for j in range(5)]]",
    "{k: v for k, v in (d := {}).items()}",
    "[i for i in range(5) if (j := 0) for j in range(5)]",
    "{i for i in range(5) if (j := 0) for j, k in {(0, 1)}}",
    "[(j := 0) for i in range(5) for j in range(5)]",
]
for code in cases:
    for wrap in ("{}", "lambda: {}"):
        try:
            compile(wrap.format(code), "<case>", "exec")
            print("ok:", code)
        except SyntaxError as e:
            print(e.msg, "|", e.offset)

# Still allowed: walrus in the element, in conditions, and in an iterable
# of a comprehension that is itself inside the element.
print([y for x in range(3) if (y := x * 2)])
print([[(z := a) for a in range(2)] for b in range(2)], z)
total = 0
print([total := total + n for n in range(4)], total)
