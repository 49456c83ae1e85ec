# compile(), exec() and eval() pass on the caller's `from __future__ import
# annotations` unless compile() is told dont_inherit=True.
from __future__ import annotations

import sys

print(hex(sys._getframe().f_code.co_flags & 0x1000000))


def inner():
    pass


print(hex(inner.__code__.co_flags & 0x1000000))

src = "def f(x: undefined_name) -> int: pass\nresult = f.__annotations__\n"

ns = {}
exec(src, ns)
print("exec inherits:", ns["result"])

ns = {}
exec(compile(src, "<inherit>", "exec"), ns)
print("compile inherits:", ns["result"])

ns = {}
try:
    exec(compile(src, "<no-inherit>", "exec", dont_inherit=True), ns)
except NameError as e:
    print("dont_inherit=True:", e)

ns = {}
exec(compile(src, "<flag>", "exec", 0x1000000, True), ns)
print("explicit flag:", ns["result"])

code = compile("x: y_undefined = 1", "<ann>", "exec")
print(hex(code.co_flags & 0x1000000))
ns = {}
exec(code, ns)
print(ns["__annotations__"])
print(eval("(lambda: 1).__code__.co_flags & 0x1000000"))
