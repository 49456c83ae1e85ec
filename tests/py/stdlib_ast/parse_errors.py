# ast.parse raises the SyntaxError compile() raises, with the same fields.
import ast

for src in ["x = (1,", "def f(:\n  pass", "if x:\npass", "a = 1 +", "f(**x, *y)",
            "x = yield = 1", "class C(:", "1 = x", "  x = 1", "for x in y:\n\tpass\n        z"]:
    for fn in (lambda s: ast.parse(s, "<file>"), lambda s: compile(s, "<file>", "exec")):
        try:
            fn(src)
            print('no error')
        except SyntaxError as e:
            print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text))

# Errors CPython leaves to the compiler do not stop ast.parse.
for src in ["return 1", "break", "def f():\n    nonlocal x", "await x", "yield 1"]:
    print(type(ast.parse(src).body[0]).__name__)
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print('compile:', e.msg)

# Modes.
for mode in ["exec", "eval", "single"]:
    print(type(ast.parse("1", mode=mode)).__name__)
try:
    ast.parse("x = 1", mode="eval")
except SyntaxError as e:
    print('SyntaxError', e.msg)
try:
    ast.parse("x", mode="bogus")
except ValueError as e:
    print('ValueError', e)
print(ast.dump(ast.parse(b"x = 'bytes source'")))
print(ast.dump(ast.parse("x = 1", type_comments=True, feature_version=(3, 8))))
print(ast.dump(compile("x", "<s>", "eval", ast.PyCF_ONLY_AST)))
