# A keyword argument given twice is a SyntaxError at compile time, even
# with *args or **kwargs between the two; across ** it is a runtime
# TypeError instead.
sources = [
    "f(a=1, a=2)",
    "f(1, a=2, *(3, 4), a=5)",
    "f(**d, a=1, a=2)",
    "f(a=1, *t, a=2)",
    "class C(metaclass=M, metaclass=N): pass",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
        print("compiled:", src)
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_offset)

def f(**kw):
    return sorted(kw)
print(f(a=1, **{"b": 2}))
try:
    f(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
