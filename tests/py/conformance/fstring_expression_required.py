# An f-string replacement field with no expression names the character it
# stands before ('!', ':' or '='); a blank field is "empty expression".
cases = ["f'{!r}'", "f'{ !r}'", "f'{:2}'", "f'{ :}'", "f'{=}'", "f'{ =!}'",
         "f'{}'", "f'{ }'", "f'''{\t\n}'''", "f'{!x}'", "f'{a!r}'"]
for src in cases:
    try:
        compile(src, "<fstring>", "exec")
        print("ok:", src)
    except SyntaxError as e:
        print(repr(src), "->", e.msg)
