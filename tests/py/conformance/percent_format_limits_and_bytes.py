# printf-style formatting: precision and width limits, and bytes-mode
# details (a lone bytes argument is no mapping; float errors' wording).
import sys

cases = [
    ("%.*d", (sys.maxsize, 1)),
    ("%.*d", (2 ** 70, 1)),
    ("%.3000000000d", (1,)),
    ("%*d", (2 ** 70, 1)),
    ("%.*d", (-5, 1)),
    ("%*d", (-3, 1)),
    ("%*.*f", (8, 2, 1.5)),
]
for fmt, args in cases:
    for f in (fmt, fmt.encode()):
        try:
            print(repr(f % args))
        except (OverflowError, ValueError) as e:
            print(type(e).__name__, e)

for call in (lambda: b"no format" % b"1", lambda: b"no format" % bytearray(b"1"),
             lambda: b"x" % b"", lambda: b"%g" % "1", lambda: b"%f" % b"1",
             lambda: "%g" % "1", lambda: b"%e" % [1]):
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
print(b"%(k)s" % {b"k": b"v"}, "x" % {}, "x" % [], b"%g" % 2.5)
