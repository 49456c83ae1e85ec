# ast.literal_eval: the accepted subset and the errors for the rest.
import ast

GOOD = [
    "1", "-1", "+1.5", "-2j", "1+2j", "-1-2j", "0x10", "'s'", "b'b'", "u'x'",
    "None", "True", "False", "...", "(1,)", "()", "[1, [2, (3,)]]",
    "{1, 2}", "set()", "{'a': 1, 2: [3]}", "{}", "  \t 42", "'a' 'b'",
    "(1, 'two', 3.0, None)", "-0.0", "1e300*0" if False else "1e-3",
]
for text in GOOD:
    print(repr(text), '->', repr(ast.literal_eval(text)))

BAD = [
    "x", "f()", "1 + 1", "2 * 3", "1 + x", "-'a'", "{**d}", "set([1])",
    "[x for x in y]", "a.b", "lambda: 0", "1j + 2", "(1)(2)", "not True",
    "f'x'", "{1: 2, **x}",
]
for text in BAD:
    try:
        ast.literal_eval(text)
    except ValueError as e:
        # The message ends with the node's repr, which has an address.
        print(repr(text), 'ValueError', str(e).split(': <')[0])

for text in ["1 +", "(", "x = 1"]:
    try:
        ast.literal_eval(text)
    except SyntaxError as e:
        print(repr(text), 'SyntaxError', e.msg)

# A tree works as well as text; so does an Expression.
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval").body))
print(ast.literal_eval(ast.Constant(value=5)))
try:
    ast.literal_eval(ast.Name(id='x', ctx=ast.Load()))
except ValueError as e:
    print('ValueError', str(e).split(': <')[0])
try:
    ast.literal_eval(ast.Dict(keys=[ast.Constant(1)], values=[]))
except ValueError as e:
    print('ValueError', str(e).split(': <')[0])
