# Each compile-time warning CPython 3.11 issues, recorded through
# warnings.catch_warnings: category, line and message.
import warnings

CASES = [
    # "is" with literals, and the singletons that are allowed.
    "x is 1", "x is not 'a'", "1 is x", "x is -1", "x is (1, 2)", "x is 1 + 2",
    "x is b'x'", "x is 1.5", "x is 2j", "x is (1, (2, 3))", "x is ~1",
    "x is None", "x is True", "x is not False", "x is ...", "x is not not 1",
    "x is []", "x is (1, y)", "x is ()", "x is y", "x is None is 1",
    "x is not 'a' is 1", "x is 'a' % 1", "x is -'a'", "x is 'a' * 3",
    "if x is 1: pass", "y = 1 if x is 2 else 3", "while x is 4: x = 0",
    "not (x is 1)", "y = not not (x is 2)", "while not (x is not 1): pass",
    # Calling something that cannot be called.
    "(1, 2)(3)", "'abc'(x)", "f'x{y}'(x)", "1.5()", "[](x)", "[x for x in y]()",
    "{}(x)", "{1}(x)", "{x: 1 for x in y}()", "(x for x in y)()", "None()",
    "(1 + 2)(x)", "(x, y)(1)", "(lambda: 1)()", "f(x)", "x.y(1)", "'a'.join(x)",
    # Subscripting something that cannot be subscripted, or with a bad index.
    "(1)[2]", "1.5[x]", "None[0]", "...[0]", "True[0]", "{1}[x]",
    "(x for x in y)[0]", "(lambda: 1)[0]", "'abc'['x']", "b'abc'[1.5]",
    "(1, 2)['a']", "(x, y)['a']", "[1]['a']", "[x for x in y][()]",
    "f'{x}'[1.0]", "'abc'[1, 2]", "'abc'[x]", "'abc'[1:2]", "[1][True]",
    "[1][-1]", "[1][lambda: 0]", "{}['a']", "x[1]['a']", "[1][{1}]",
    "y['a'] = 1", "del (1, 2)['a']",
    # Asserting a tuple.
    "assert (x, 'msg')", "assert (x,)", "assert ()", "assert (x)", "assert x, (1, 2)",
    # Invalid escapes in literals.
    r"s = '\d'", r"s = b'\d'", r"s = '\d\e'", r"s = '\d' '\e'", r"s = f'\w{x}\z'",
    r"s = f'\{x}'", r"s = f'{x:\d}'", r"s = '\777'", r"s = b'\477'", r"s = '\8'",
    r"s = b'\N{DASH}'", r"s = b'\u1234'", "s = '''abc\n\\q\n\\z'''", r"s = '\é'",
    r"s = r'\d'", r"s = rb'\d'", r"s = fr'\d{x}'", r"s = '\n\t\\\x41\101\u0041\N{EM DASH}'",
    r"s = '\
'",
    # Numbers run into a keyword.
    "1if x else 2", "[0x1for x in y]", "0o7and x", "0b1or x", "1.5if x else 2",
    "1jif x else 2", "1e5if x else 2", "1_0in y", "0in y", "1is x", "1not in y",
    "0if 1else 2", "1.if 1 else 2", "x = 1\n1and 2", "f'{1if x else 2}'",
    "s = '\\d' if x else 1if x else 0", "1andx", "1lambda", "1_if x else 2", "0xfor",
]

for source in CASES:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, "<case>", "exec")
        except SyntaxError as exc:
            print("SyntaxError", exc)
    shown = ["%s %s:%s %s" % (w.category.__name__, w.filename, w.lineno, w.message)
             for w in caught]
    print(repr(source), shown)
