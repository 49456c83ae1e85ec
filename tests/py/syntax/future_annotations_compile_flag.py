# compile(flags=__future__.annotations.compiler_flag) turns PEP 563 on for the
# compiled text only; unknown flags are refused as CPython refuses them.
import __future__
src = "def f(x: Undefined) -> 'Other': pass\nprint(f.__annotations__)\nclass K:\n    a: List[int]\nprint(K.__annotations__)\n"
code = compile(src, "<s>", "exec", __future__.annotations.compiler_flag)
exec(code, {})
try:
    exec(compile(src, "<s>", "exec"), {})
except NameError as e:
    print("NameError", e)
print(__future__.annotations.compiler_flag)
try:
    compile("x", "<s>", "exec", 0x1000000)
except ValueError as e:
    print(e)
for bad in (0x800, -1, 0x2000000):
    try:
        compile("x", "<s>", "exec", bad)
    except ValueError as e:
        print(hex(bad), e)
print(eval(compile("(lambda a: a)(1)", "<s>", "eval", 0x1000000)))
ns = {}
exec(compile("def g(p: 1 + 2, *a: Z, **k: 'q') -> None: pass", "<s>", "exec", 0x1000000), ns)
print(ns['g'].__annotations__)
try:
    compile("x", "<s>", "exec", 1 << 40)
except OverflowError as e:
    print(e)
