a = "hello"
b = a
a += " world"
print(a, b)
print(str(123), str(1.5), str([1, "a"]), str(None), str(b"x"))
print(str(), len(str()))
print(type("x") is str, isinstance("x", str))
print(str("abc") == "abc")
