# str.format / format_map: errors found while reading a field name.
cases = [
    ("{a{}b}", (42,), {"a": 1}),
    ("{a{b}", (), {"a": 1, "b": 2}),
    ("{}", (), None),
    ("{0}", (), None),
    ("{[" + "9" * 40 + "]}", ([0],), {}),
    ("{" + "9" * 40 + "}", (), {}),
]
for fmt, args, mapping in cases:
    try:
        if mapping is None:
            print(fmt.format_map({"a": 2}))
        else:
            print(fmt.format(*args, **mapping))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
print("{a}-{b[1]}".format_map({"a": 1, "b": "xy"}))
print("{0[1]}{[0]}".format([5, 6], "q") if False else "{0[1]}".format([5, 6]))
print("{[{]}".format({"{": "brace"}))
