cases = [
    lambda: "%d" % "x",
    lambda: "%s %s" % ("a",),
    lambda: "%s" % ("a", "b"),
    lambda: "%z" % 1,
    lambda: "%(k)s" % {},
    lambda: "%c" % "ab",
]
for c in cases:
    try:
        c()
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
