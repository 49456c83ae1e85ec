print("{:>8}|{:<6}|{:^7}|{:*^9}|{:.2}|{:5.1}|".format("r", "l", "c", "mid", "trunc", "xy"))
print("{0}{1}{0}".format("a", "b"), "{x}-{y!r}".format(x=1, y="q"), "{0[1]}{0[0]}".format("ab"))
print("{:{w}}|{:>{w}.{p}}|".format("a", "bcdef", w=6, p=2))
print("{{literal}} {}".format(3), "{0!a}".format("é"), "{!s:>4}".format(1))
print("%s|%r|%a|%5s|%-5s|%.2s" % ("x", "y", "é", "ab", "cd", "efg"))
print("%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o|%c|%c" % (1, 2, 3, 4, 5, 6, 255, 255, 255, 8, 8, 65, "z"))
print("%e|%E|%f|%F|%g|%G|%.3f|%10.2e|%-8.1f|" % (1234.5, 1234.5, 1.5, 2.5, 0.00001, 1e20, 3.14159, 12345.6789, 2.25))
print("%(a)s and %(b)d" % {"a": "x", "b": 2}, "%%", "%s" % [1, 2], "%s" % (("t",),))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%d %i %u" % (3.9, -2.5, True), "%x" % -255, "%d" % 2**70)
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%", 1),
                  ("%(a)s", 1), ("%c", 1114112), ("%c", "ab"), ("%x", 1.5), ("%*d", ("a", 1)),
                  ("%(a", {"a": 1}), ("abc", 5), ("%f", "x")]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(type(e).__name__, e)
for f, a, k in [("{", (), {}), ("}", (), {}), ("{0!x}", (1,), {}), ("{}{0}", (1,), {}),
                ("{0}{}", (1,), {}), ("{2}", (1,), {}), ("{x}", (), {}), ("{0.}", (1,), {}),
                ("{:d}", ("s",), {}), ("{:+}", ("s",), {}), ("{:=5}", ("s",), {}),
                ("{0[0]x}", ([1],), {}), ("{:{:{}}}", (1, 2, 3), {}), ("{a", (), {})]:
    try:
        print(f.format(*a, **k))
    except (ValueError, IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
print(format("abc", ">6"), format("abc", "0<6"), format("abc", ""), format("é", "^5"))
print("{a}{b}".format_map({"a": 1, "b": 2}))
