# UnicodeTranslateError: four arguments, no encoding, and its own message.
e = UnicodeTranslateError("abc", 1, 2, "bad")
print(str(e))
print(repr(e))
print(e.args, e.encoding, e.object, e.start, e.end, e.reason)
print([c.__name__ for c in UnicodeTranslateError.__mro__])
print(str(UnicodeTranslateError("a\u1234c", 1, 2, "wide")))
print(str(UnicodeTranslateError("a\U0001f600c", 1, 2, "astral")))
print(str(UnicodeTranslateError("abcdef", 0, 3, "several")))
print(str(UnicodeTranslateError("abc", True, 2, "bool start")))

e.start = 0
e.end = 3
e.reason = "changed"
print(str(e))

for args in [(), ("a",), (1, 2, 3, 4), ("a", "b", 1, "x"), ("a", 1, 2, 3),
             ("a", 1, 2, "x", 5)]:
    try:
        UnicodeTranslateError(*args)
    except TypeError as exc:
        print("TypeError:", exc)

try:
    raise UnicodeTranslateError("xyz", 2, 3, "nope")
except UnicodeError as exc:
    print("caught as UnicodeError:", exc)
except Exception:
    print("wrong handler")
try:
    raise UnicodeTranslateError("xyz", 2, 3, "nope")
except ValueError as exc:
    print("caught as ValueError:", type(exc).__name__)
