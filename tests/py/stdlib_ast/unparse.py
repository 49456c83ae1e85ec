# ast.unparse: statements, precedence and parentheses, strings and
# f-strings, and the round trip parse(unparse(t)) == t.
import ast

SOURCES = [
    "x = 1, 2\ny = (yield z)\n(1, 2)\nreturn 1, 2\nfor a, b in (1, 2), (3, 4):\n    pass\n",
    "a if b else (c if d else e)\nlambda: (yield)\n-(-x)\nnot (a and b)\na ** -b\n(-1) ** 2\n(a ** b) ** c\na ** b ** c\n",
    "a - (b - c)\n(a - b) - c\na * (b + c)\n(a + b) * c\na or b and c\n(a or b) and c\nx < y < z\n(x < y) < z\n",
    "1 .real\nx[1:2, ::3]\nx[(1, 2)]\nx[()]\nx[a:b]\nx[*a]\n{**a, 'b': 1}\n{*()}\n[*a, *b]\nf(*a, **k, x=1)\n",
    "(x := 5)\nprint((y := 1))\nx = (z := 2)\nawait x\nasync def f():\n    return await (a + b)\n",
    "f'{a!r:>{w}} {b} \\n {{x}}'\nf\"{'a'}\"\nf'{x=}'\nf'{ {1: 2}[1] }'\n'it''s'\n'tab\\there'\nb'\\x00\\n'\nu'u'\n",
    "'''doc\nstring'''\nx = 1\n",
    "def f(a, /, b=1, *c, d, e=2, **f) -> int:\n    'doc'\n    return a\n\n@dec\nclass C(B, metaclass=M):\n    x: int = 1\n    (y): str\n",
    "async def g():\n    async with a as b, c:\n        await x\n    async for i in y:\n        pass\n    else:\n        pass\n",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept:\n    raise\nelse:\n    x\nfinally:\n    y\n",
    "try:\n    pass\nexcept* E:\n    pass\n",
    "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass\nwhile x:\n    break\nelse:\n    continue\n",
    "with a, b as (c, d):\n    pass\ndel a, b[0]\nglobal x, y\nassert x, 'm'\nraise A from B\nimport a.b as c, d\nfrom ..x import y as z\nfrom . import *\n",
    "x += 1\nx **= 2\nx //= 3\nx @= m\n",
    "match p:\n    case [1, *r] | {'a': 1, **kw} | P(1, y=2) | (a as b) | None:\n        pass\n    case (1 | 2) as z if z:\n        pass\n    case {}:\n        pass\n    case Q(a=_):\n        pass\n",
    "[x for x in y if x for z in w]\n{k: v for k, v in d.items()}\n{x async for x in y}\n(x for x in (y if z else w))\n",
    "lambda x, *y, z=1, **w: x\nlambda *, k: k\nlambda: 0\n",
    "x = 1e309\ny = -1e309j\nz = 1.5\nw = 10 ** -3\n",
]
for src in SOURCES:
    tree = ast.parse(src)
    text = ast.unparse(tree)
    print(text)
    print('round trip:', ast.dump(ast.parse(text)) == ast.dump(tree))
    print('-' * 20)

print(ast.unparse(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))))
print(ast.unparse(ast.parse("x", mode="eval")))
print(ast.unparse(ast.Constant((1, 'a'))), ast.unparse(ast.Constant((1,))))
print(ast.unparse(ast.Constant(float('nan'))))
print(ast.unparse(ast.Set([])))
try:
    ast.unparse(ast.Raise(exc=None, cause=ast.Name('x')))
except ValueError as e:
    print('ValueError', e)
