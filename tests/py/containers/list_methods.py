# list methods and their error messages
l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5)
l.extend((3, 5))
l.insert(0, 0)
l.insert(-1, 8)
l.insert(100, 7)
l.insert(-100, -1)
print(l)
print(l.count(5), l.index(5), l.index(5, 7), l.index(1, -13, -1))
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l)
l.reverse()
print(l)
c = l.copy()
c.clear()
print(c, len(l))
for bad in ("l.pop(99)", "[].pop()", "l.remove(42)", "l.index(42)", "l.index(3, 0, 1)",
            "l.append()", "l.append(1, 2)", "l.insert(1)", "l.pop(1, 2)", "l.count()",
            "l.copy(1)", "l.index()", "l.index(1, 'a')", "l['a']", "l[1.5]", "l[99]",
            "l.sort(1)", "[1, 'a'].sort()", "l.extend(5)", "l.index(1, 2, 3, 4)"):
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
