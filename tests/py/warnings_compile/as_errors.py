# A filter that makes the warnings errors gives SyntaxErrors at the spot,
# for compile(), exec() and eval(); a filter that ignores them silences them.
import warnings

SOURCES = [
    ("x = 1\nprint(x is 1)\n", "exec"),
    ("x = 1\nassert (x,\n  'msg')\n", "exec"),
    ("y = (1, 2)(3)\n", "exec"),
    ("z = [1]['a']\n", "exec"),
    ("s = 'ab\\d'\n", "exec"),
    ("s = b'\\777'\n", "exec"),
    ("t = ('ok'\n     '\\e')\n", "exec"),
    ("u = f'''{1}\n\\q'''\n", "exec"),
    # After the parser's error for an escape CPython tokenizes the rest of
    # the source, and a number run into a keyword there wins.
    ("s = '\\d'\ny = 1if s else 2\n", "exec"),
    ("s = '\\d' + 1\n", "exec"),
    ("1 is 1", "eval"),
    ("(1, 2)[x]", "eval"),
]

def show(exc):
    # Not exc.text: for source that is not in a file CPython's compiler
    # looks the line up by file name.
    print(type(exc).__name__, repr(exc.msg), exc.filename, exc.lineno, exc.offset,
          exc.end_lineno, exc.end_offset)

for action in ("error", "ignore"):
    for source, mode in SOURCES:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter(action)
            try:
                compile(source, "snippet.py", mode)
                print(action, "compiled", repr(source))
            except SyntaxError as exc:
                show(exc)
        print("  recorded", len(caught))

with warnings.catch_warnings():
    warnings.simplefilter("error", SyntaxWarning)
    for run in (exec, eval):
        try:
            run("x is 'a'")
        except SyntaxError as exc:
            show(exc)
    # A DeprecationWarning is not an error under this filter, and not shown.
    exec("s = '\\d'")
    print("escape allowed")

# Only the first invalid escape of a literal counts.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    exec("s = '\\d \\e'")
print([str(w.message) for w in caught])

# A module-level registry does not hide compile-time warnings: each compile
# warns again.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for _ in range(3):
        compile("x is 1", "again.py", "exec")
print(len(caught), [w.filename for w in caught])
