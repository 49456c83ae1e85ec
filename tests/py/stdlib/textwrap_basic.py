import textwrap
s = "The quick brown fox jumped over the lazy dog. It was a well-known fact that state-of-the-art foxes -- like this one -- jump high!"
for w in (10, 20, 35, 70):
    print(textwrap.wrap(s, w))
print(textwrap.fill(s, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten(s, 40, placeholder='...'))
print(repr(textwrap.dedent('''\
    hello
      world
    \t
    end
''')))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("   x\n   \n  y")))
print(repr(textwrap.indent('a\nb\n\nc', '> ')), repr(textwrap.indent('a\n\nb', '+', lambda l: True)))
print(textwrap.wrap("supercalifragilisticexpialidocious is a word", 10))
print(textwrap.wrap("a\tb  c\nd", 5), textwrap.wrap("", 5), textwrap.wrap("   ", 5))
print(textwrap.wrap("one. Two three. Four", 12, fix_sentence_endings=True))
print(textwrap.wrap("hyphen-ated-words are-here x--y", 8), textwrap.wrap("hyphen-ated words", 8, break_on_hyphens=False))
print(textwrap.wrap(s, 25, max_lines=2))
print(textwrap.TextWrapper(width=15, break_long_words=False).wrap("aaaaaaaaaaaaaaaaaaaa bb"))
try: textwrap.wrap('x', 0)
except ValueError as e: print(e)
print(textwrap.TextWrapper()._split("Look, goof-ball -- use the -b option!"))
print(textwrap.TextWrapper()._split("e-mail 123-456 a-b-c --x --- foo--bar A-B"))
