# ast.parse runs the parser (invalid escapes warn) but not the compiler
# (no SyntaxWarning for `is`); compiling the tree does.
import ast
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    tree = ast.parse("x is 1\ns = '\\d'\n", "parsed.py")
    print([(w.category.__name__, w.lineno, str(w.message)) for w in caught])
    del caught[:]
    compile(tree, "parsed.py", "exec")
    print([(w.category.__name__, w.lineno, str(w.message)) for w in caught])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        ast.parse("s = '\\d'")
    except SyntaxError as exc:
        print("SyntaxError", exc.msg, exc.filename, exc.lineno, exc.offset)
