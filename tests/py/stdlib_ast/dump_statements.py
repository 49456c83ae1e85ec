# ast.dump of every statement kind, plain and with positions.
import ast

SOURCES = [
    "def f(a, /, b, c=1, *args, d, e=2, **kw) -> int:\n    'doc'\n    return a",
    "@dec\n@dec2(1)\nasync def g():\n    await x\n    async for i in y: pass\n    async with a as b, c: pass",
    "class C(B, metaclass=M, **kw):\n    x: int = 1\n    y: 'str'\n    (z): int",
    "del a, b[0], c.d",
    "a = b = c\na, *b = c\n[a, b] = c\na.b = c[d] = 1",
    "x += 1\nx //= 2\nx @= m\nx **= 3",
    "for i, j in k:\n    break\nelse:\n    continue",
    "while x:\n    pass\nelse:\n    y",
    "if a:\n    b\nelif c:\n    d\nelse:\n    e",
    "with open(f) as g, h:\n    pass",
    "raise\nraise E\nraise E from F",
    "try:\n    a\nexcept E as e:\n    b\nexcept (F, G):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f",
    "try:\n    a\nexcept* E:\n    b",
    "assert x\nassert x, 'msg'",
    "import a, b.c as d\nfrom . import x\nfrom ..m import y as z, w\nfrom m import *",
    "def f():\n    global g\n    nonlocal h",
    "x\n1\n'a'",
]

for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree))
    print(ast.dump(tree, include_attributes=True))
