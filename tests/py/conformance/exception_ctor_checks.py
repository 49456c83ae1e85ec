# SyntaxError's details tuple has 4 or 6 items (TypeError otherwise);
# ImportError.__init__ called again forgets name and path.
for details in [("f.py", 1, 2), ("f.py", 1, 2, "text", 1, 5, 9),
                ("f.py", 1, 2, "text", 1)]:
    try:
        SyntaxError("msg", details)
    except TypeError as e:
        print("TypeError:", e)

e = SyntaxError("msg", ("f.py", 3, 4, "text"))
print(e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, str(e))
e = SyntaxError("msg", ("f.py", 3, 4, "text", 3, 8))
print(e.end_lineno, e.end_offset, e.args)

exc = ImportError("boom", name="mod", path="/p")
print(exc.msg, exc.name, exc.path)
exc.__init__()
print(exc.args, exc.msg, exc.name, exc.path)
exc.__init__("again", name="other")
print(exc.args, exc.msg, exc.name, exc.path)
try:
    ImportError("x", bogus=1)
except TypeError as e:
    print("TypeError:", e)
