text = """first line
    indented line
last line"""
print(text)
print(text.splitlines())
print(len(text.splitlines()), text.count("\n"))
s = ("implicit "
     "concatenation "
     "works")
print(s)
print("line one\nline two\ttabbed")
print('''single ' and double " quotes''')
