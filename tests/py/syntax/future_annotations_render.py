# PEP 563: every annotation is kept as the text CPython 3.11 regenerates
# from the tree (normalised spacing, quotes and parentheses).
from __future__ import annotations
import typing

def f(a: int, b: "quoted", c: List[ int ], d: (a), *args: Tuple[int, ...], e: x | None = None, **kw: dict[str, int]) -> Node:
    pass
print(f.__annotations__)
class C:
    x: C
    y: typing.Optional[C] = None
    z: lambda: 1
    w: 1 + 2 * 3
    v: (1 + 2) * 3
    u: a - (b - c)
    t: (a - b) - c
    s: 2 ** 3 ** 4
    r: (2 ** 3) ** 4
    q: -x ** 2
    p: (-x) ** 2
    o: not a and b or c
    n: a if b else c
    m: (a, b)
    l: ()
    k: (a,)
    j: [1, 2.5, 1e400, 3j, -1e400j, None, True, ..., b'by', 'it\'s', "dq"]
    i: {1: 2, **d}
    h: {1, 2}
    g: x[1:2, ::3, :]
    g2: x[()]
    g3: x[a,]
    g4: x[*a]
    ff: f(x for x in y)
    fe: f(a, *b, k=1, **c)
    fd: [x for x in y if x async for z in w]
    fc: {k: v for k, v in items}
    fb: 1 .real
    fa: 1.5.real
    ea: f"a{b!r:>{w}} {{c}}"
    ec: lambda x, /, y=1, *a, z, **k: 0
    ed: lambda *a: 0
    ee: a < b <= c is not d not in e
    ef: ~a & b ^ c | d << 2
    eh: a.b.c[d](e)
    ei: 0x1F + 0o17 + 0b11 + 1_000
    ej: u'unicode'
print(C.__annotations__)
x: undefined_name = 5
print(__annotations__)
print(annotations)
