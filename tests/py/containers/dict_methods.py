# dict methods and their error messages
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 9), d)
print(d.pop("c"), d.pop("zz", None), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3), ["w", 4]])
d.update(k=5)
print(d, len(d), "x" in d, "q" not in d)
e = d.copy()
e["new"] = 0
print(d == e, len(e), d.keys() == e.keys() - {"new"})
e.clear()
print(e, dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(2), []))
print(dict(), dict(a=1), dict([(1, 2)]), dict({1: 2}, b=3), dict(zip("ab", range(2))))
print({1: "a"} | {2: "b"}, {1: "a"} | {1: "c"})
f = {1: "a"}
f |= [(2, "b")]
print(f)
print(list(reversed({1: 2, 3: 4})), list(reversed({1: 2, 3: 4}.items())))
for bad in ("d['nope']", "d[(1, 2)]", "d[[]]", "{}.popitem()", "d.pop('nope')", "dict(1)",
            "dict([1])", "dict([(1, 2, 3)])", "dict({}, {})", "{}.pop()", "d.get()",
            "d.update(1)", "{} | 1", "{} < {}", "dict.fromkeys()", "d.keys(1)", "d.setdefault()",
            "{[]: 1}", "d.fromkeys(1)"):
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(a=1)
print(m["a"], m["zz"], m.get("zz"), "zz" in m, type(m).__name__, m)
