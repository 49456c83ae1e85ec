d = {"name": "Ann", "n": 3, "ratio": 0.25}
print("%(name)s has %(n)03d items (%(ratio).1f%%)" % d)
print("%s %r" % ([1, "a"], [1, "a"]))
print("%d %d %d" % (3.9, -3.9, True))
print("%x %o" % (-255, -8))
print("%5.1s|" % "abc", "%-6s|" % "ab", "%06.2f" % -1.5)
print("%e %E %.0e" % (0.000123, 123456.0, 5.5))
print("%g %g %g %g" % (1e-5, 123456789, 0.0001, 100))
print("%c%c%c" % (72, 105, 33))
