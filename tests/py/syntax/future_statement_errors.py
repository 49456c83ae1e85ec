# The SyntaxErrors of future statements, and annotations without the
# future import still being evaluated.
cases = [
    "from __future__ import nope",
    "from __future__ import annotations, nope",
    "from __future__ import braces",
    "import os\nfrom __future__ import annotations",
    '"doc"\nfrom __future__ import annotations\nfrom __future__ import division\nx = 1\nfrom __future__ import annotations',
    "def f():\n    from __future__ import annotations",
    "from __future__ import (annotations,\n   bogus)",
    "from __future__ import *",
    "from __future__ import annotations\nfrom __future__ import annotations as a2",
    '"""doc"""\nfrom __future__ import annotations\nx: int',
    "if True:\n    from __future__ import division",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)

ns = {}
exec("from __future__ import annotations\ndef f(x: Later) -> Later: pass\nv: Later", ns)
print(ns["f"].__annotations__, ns["__annotations__"])

try:
    exec("def g(x: Later): pass", {})
except NameError as e:
    print("NameError:", e)

# Under PEP 563 an annotation may not hold what only evaluation could mean.
for src in ["x: (y := 3)", "def f(a: (yield)): pass", "async def f(a: await b): pass",
            "def f() -> (yield from x): pass", "x: [(y := 1) for z in w]", "x: (yield)",
            "x: lambda: (y := 1)"]:
    for future in ["from __future__ import annotations\n", ""]:
        try:
            compile(future + src, "<case>", "exec")
            print("compiled")
        except SyntaxError as e:
            print("SyntaxError:", e.msg, e.lineno, e.offset)
