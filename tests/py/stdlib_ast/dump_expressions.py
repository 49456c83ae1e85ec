# ast.dump of every expression kind in 'eval' mode.
import ast

SOURCES = [
    "a and b or not c",
    "(x := 10)",
    "a + b - c * d / e // f % g ** h @ i << j >> k | l ^ m & n",
    "-a, +b, ~c, not d",
    "lambda x, *y, z=1, **w: x",
    "lambda: 0",
    "a if b else c",
    "{1: 2, **d, 'k': v}",
    "{1, 2, *s}",
    "[x for x in y if x if z for w in x]",
    "{x for x in y}",
    "{k: v for k, v in items}",
    "(x for x in y)",
    "[x async for x in y]",
    "a < b <= c == d != e > f >= g is h is not i in j not in k",
    "f(a, *b, c=d, **e)",
    "f(x for x in y)",
    "f'{a!r:>{width}} and {b=} {c!s} {d!a}'",
    "'abc' 'def'",
    "u'unicode'",
    "b'bytes' b'more'",
    "1, 2.5, 3j, 0x1F, 0o17, 0b101, 1_000_000, 1e100",
    "None, True, False, ...",
    "a.b.c",
    "a[1], a[1:2], a[::3], a[1:2, 3], a[...]",
    "[*a, *b]",
    "()",
    "[]",
    "{}",
]

for src in SOURCES:
    print(ast.dump(ast.parse(src, mode='eval')))

# Positions of a few expressions, multi-byte characters included.
for src in ["x + 'é' + y", "f(\n  a,\n  b)", "(a)"]:
    print(ast.dump(ast.parse(src, mode='eval'), include_attributes=True))
