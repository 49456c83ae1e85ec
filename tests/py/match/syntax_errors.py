# Compile-time errors of the match statement: message, line and offsets.
cases = [
    "match x\n    case 1: pass\n",
    "match x:\npass\n",
    "match x:\n    case 1\n",
    "match x:\n    case 1:\n    pass\n",
    "match x:\n  case 1 as _: pass\n",
    "match x:\n  case 1 as 1: pass\n",
    "match x:\n  case A(x=1, 2): pass\n",
    "match x:\n  case A(x=1, 2, y=3, 4): pass\n",
    "match x:\n  case 1+1: pass\n",
    "match x:\n  case 1j+1: pass\n",
    "match x:\n  case {**_}: pass\n",
    "match x:\n  case {**r, 'a': 1}: pass\n",
    "match x:\n  case [*a, *b]: pass\n",
    "match x:\n  case *a: pass\n",
    "match x:\n  case a | b: pass\n",
    "match x:\n  case a:\n    pass\n  case 1: pass\n",
    "match x:\n  case [a, a]: pass\n",
    "match x:\n  case [a] | (b): pass\n",
    "match x:\n  case [a, b] | [b]: pass\n",
    "match x:\n  case {1: a, True: b}: pass\n",
    "match x:\n  case {-0: a, 0: b}: pass\n",
    "match x:\n  case {'a': a, 'a': b}: pass\n",
    "match x:\n  case {f(): a}: pass\n",
    "match x:\n  case A(x=1, x=2): pass\n",
    "match x:\n  case _:\n    pass\n  case 1: pass\n",
    "match x:\n  case 1 | _ | 2: pass\n",
    "match x:\n  case (_): pass\n  case 2: pass\n",
    "match x:\n  case __debug__: pass\n",
    "match x:\n  case f'a': pass\n",
    "match x:\n  case {f'a': 1}: pass\n",
    "match x:\n  case x as y:\n    pass\n  case 1: pass\n",
    "match x:\n  case [a, {'k': a}]: pass\n",
    "match x:\n  case a.b = 1: pass\n",
    "match x:\n  case -a: pass\n",
    "match x:\n  case 1 + 2: pass\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src))
        print("   ", type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

# Valid programs that look odd.
ok = [
    "match x:\n  case -1j: pass\n",
    "match x:\n  case a.b(): pass\n",
    "match x:\n  case 0x1 | 0o7 | 0b1: pass\n",
    "match x:\n  case 'a' 'b': pass\n",
    "match x:\n  case _ if x: pass\n  case 1: pass\n",
    "match x:\n  case a if a: pass\n  case _: pass\n",
    "match(x)\n",
    "match[x]\n",
    "match.x = 1\n",
    "match: int = 1\n",
    "match -x\n",
    "match x, *y:\n  case _: pass\n",
    "case = 1\n",
]
for src in ok:
    try:
        compile(src, "<ok>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "SyntaxError", e.msg)
