# tomllib against the TOML spec's examples and a set of invalid documents:
# each document's dict (repr) or the TOMLDecodeError message, which names
# the line and column as CPython's does.
import tomllib

CORPUS = [
'title = "TOML Example"\n[owner]\nname = "Tom"\ndob = 1979-05-27T07:32:00-08:00\n',
'[database]\nenabled = true\nports = [ 8000, 8001, 8002 ]\ndata = [ ["delta", "phi"], [3.14] ]\ntemp_targets = { cpu = 79.5, case = 72.0 }\n',
'[servers]\n[servers.alpha]\nip = "10.0.0.1"\nrole = "frontend"\n[servers.beta]\nip = "10.0.0.2"\n',
'[[products]]\nname = "Hammer"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = "Nail"\ncolor = "gray"\n',
'str1 = """\nRoses are red\nViolets are blue"""\nstr2 = """\\\n  The quick brown \\\n\n  fox jumps over \\\n    the lazy dog."""\n',
"winpath  = 'C:\\Users\\nodejs\\templates'\nregex = '<\\i\\c*\\s*>'\nlines  = '''\nThe first newline is\ntrimmed in raw strings.\n'''\nq = ''''That,' she said.''''\n",
'int1 = +99\nint2 = 42\nint3 = 0\nint4 = -17\nint5 = 1_000\nhex1 = 0xDEADBEEF\nhex3 = 0xdead_beef\noct1 = 0o01234567\nbin1 = 0b11010110\n',
'flt1 = +1.0\nflt2 = 3.1415\nflt3 = -0.01\nflt4 = 5e+22\nflt5 = 1e06\nflt6 = -2E-2\nflt7 = 6.626e-34\nflt8 = 224_617.445_991_228\nsf1 = inf\nsf2 = +inf\nsf3 = -inf\nsf4 = nan\nsf5 = +nan\n',
'odt1 = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00-07:00\nodt3 = 1979-05-27T00:32:00.999999-07:00\nodt4 = 1979-05-27 07:32:00Z\nldt1 = 1979-05-27T07:32:00\nldt2 = 1979-05-27T00:32:00.9999999\nld1 = 1979-05-27\nlt1 = 07:32:00\nlt2 = 00:32:00.123\n',
'a.b.c = 1\na.d = 2\n[x]\n"quoted key" = "v"\n\'lit key\' = 1\n"a.b" = 2\n site."google.com" = true\n',
'name = { first = "Tom", last = "Preston-Werner" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = "pug" }\nnested = {a = {b = [1, {c = 2}]}}\n',
'arr = [\n  1,\n  2, # comment\n  3,\n]\nmixed = [ 0.1, 0.2, 0.5, 1, 2, 5 ]\nstr = "\\u00e9\\U0001F600 \\t\\"q\\" \\\\ \\b\\f\\n\\r"\n',
'[fruit]\napple.color = "red"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n',
'[[fruits]]\nname = "apple"\n[fruits.physical]\ncolor = "red"\n[[fruits.varieties]]\nname = "red delicious"\n[[fruits]]\nname = "banana"\n[[fruits.varieties]]\nname = "plantain"\n',
'key = # INVALID\n', '[a]\nb = 1\n[a]\nc = 2\n', '[a.b]\n[a]\nb = 2\n', 'a = 1\na = 2\n', 'a = {x = 1}\n[a]\n', 'a = [1]\n[[a]]\n',
'[fruit]\napple = "red"\n[fruit.apple]\ntexture = "smooth"\n', 'x = 1979-02-30\n', 'x = 1979-02-28T25:00:00\n', 'x = "\\ud800"\n', 'x = "\\x"\n',
'x = """abc\n', "x = 'abc\n'\n", 'x = [1, 2\n', 'x = {a = 1\n', 'x = {a = 1, a = 2}\n', 'x = {a = 1,}\n', 'x = 012\n', 'x = 1__2\n', 'x = 0x\n', 'x = 1.\n',
'x = .5\n', 'x = 1e\n', 'x = tru\n', '= 1\n', 'a b = 1\n', 'a = 1 b = 2\n', '[a\n', '[[a]\n', 'a = "\x01"\n', '# \x00 comment\n', 'a = 1\r\nb = 2\r\n', 'a = 1\rb = 2\n',
'a.b = 1\n[a]\nc = 2\n', '[a]\nb.c = 1\n[a.b]\nd = 2\n', '[a]\nb.c.d = 1\nb.c.e = 2\n[a.b.c]\n', 'a = { b = 1 }\na.c = 2\n', '[[a]]\nb = 1\n[a.c]\nd = 1\n[[a]]\n[a.c]\nd = 2\n',
'x = """\n""""\ny = """""""\nz = \'\'\'\'\'\'\'\n', 'x = """a\\   \n   b"""\n', 'x = """a\\  b"""\n', 'x = "a\\\nb"\n', "k = '''a\x01'''\n", 'x = 1979-05-27T07:32:00+25:00\n', 'x = 07:32\n',
'x = 1979-05-27T07:32:00.\n', 'x = -0\nx2 = +0.0\nx3 = -0e0\n', 'x = 0b102\n', 'x = 0o8\n', 'x = 99999999999999999999999999\n', 'x = 1_000.0_1e1_0\n', 'x = [[]]\ny = [{}]\n', 'x = { }\n',
'"" = 1\n', "'' = 2\n", 'a.\n', 'a."b".\'c\' = 1\n', '  [ a . b ]  \nx=1\n', '[a]]\n', 'a = [ , ]\n', 'a = [ 1 , , 2 ]\n', 'a = {,}\n', 'a = { b = 1 \n }\n',
]


def run(doc):
    try:
        return repr(tomllib.loads(doc))
    except tomllib.TOMLDecodeError as e:
        return 'error: ' + str(e)


if __name__ == "__main__":
    for i, doc in enumerate(CORPUS):
        print(i, run(doc))
