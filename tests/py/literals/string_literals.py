print('single', "double", '''triple
single''', """triple
double""")
print('it\'s', "say \"hi\"", 'tab\there', 'nl\\n')
print("\x41\u00e9\U0001F600\101\0end".encode('utf-8'))
print(r'raw\n\t', R"raw\d")
print('a' 'b' "c")
print(len("\n"), len(r"\n"))
print("\N{GREEK SMALL LETTER ALPHA}" if False else "α")
