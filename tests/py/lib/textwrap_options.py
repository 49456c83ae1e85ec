# TextWrapper options one at a time and in combination, over a fixed corpus
# of awkward inputs: hyphens, dashes, long words, tabs, sentence endings,
# max_lines with placeholders, and the errors for impossible settings.
import textwrap
from textwrap import TextWrapper

CORPUS = [
    "The quick brown fox jumped over the lazy dog.",
    "A well-known state-of-the-art e-mail re-route; x-y co--op -- dash --- three.",
    "Supercalifragilisticexpialidocious-and-then-some words follow it here.",
    "tab\tseparated\tcolumns\tand\ttext, with\tmore\ttabs",
    "Line one.\nLine two!  Line three?\n'Quoted.' \"Double?\" end.",
    "   leading and trailing spaces   ",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "x " * 30,
    "--option-name=value -b --long-flag ---triple a-b-c-d-e",
    "Mr. Smith went to Washington. He was happy! Really? Yes.",
    "",
    "one",
    "12-34 ab-12 12-ab A-Z a--b -a- -- ---",
    "punct,-hy!-phen?-x. \"quote-d\" 'single-q'",
    "mixed\r\nnewlines\x0bvertical\x0cform feed",
]

for width in (1, 5, 12, 25):
    w = TextWrapper(width=width)
    for text in CORPUS:
        print(width, w.wrap(text))

print('-- break_long_words=False / break_on_hyphens=False')
for kw in ({'break_long_words': False}, {'break_on_hyphens': False},
           {'break_long_words': False, 'break_on_hyphens': False}):
    w = TextWrapper(width=10, **kw)
    for text in CORPUS[1:4] + CORPUS[6:7] + CORPUS[8:9]:
        print(sorted(kw.items()), w.wrap(text))

print('-- drop_whitespace=False')
w = TextWrapper(width=10, drop_whitespace=False)
for text in CORPUS[:2] + CORPUS[5:6] + CORPUS[7:8]:
    print(w.wrap(text))

print('-- indents')
w = TextWrapper(width=20, initial_indent='>>> ', subsequent_indent='... ')
for text in CORPUS[:3]:
    print(w.wrap(text))
w = TextWrapper(width=6, initial_indent='123456789', subsequent_indent='ab')
print(w.wrap('one two three four'))

print('-- tabs and whitespace')
for kw in ({}, {'expand_tabs': False}, {'tabsize': 4}, {'replace_whitespace': False},
           {'expand_tabs': False, 'replace_whitespace': False}, {'tabsize': 0}):
    print(sorted(kw.items()), TextWrapper(width=30, **kw).wrap(CORPUS[3]))
    print(sorted(kw.items()), TextWrapper(width=30, **kw).wrap('a\tbb\tccc\nd\re'))

print('-- fix_sentence_endings')
w = TextWrapper(width=40, fix_sentence_endings=True)
for text in (CORPUS[4], CORPUS[9], 'End. start e.g. Mr. X. "Quote." And? ok! fine.'):
    print(w.wrap(text))

print('-- max_lines')
for width, max_lines, placeholder in ((20, 1, ' [...]'), (20, 2, ' [...]'), (20, 3, '...'),
                                      (12, 2, ' (more)'), (30, 2, ' [...]'), (8, 1, '..'),
                                      (10, 1, ' [...]'), (15, 4, ' [...]')):
    w = TextWrapper(width=width, max_lines=max_lines, placeholder=placeholder)
    for text in CORPUS[:3] + CORPUS[7:8]:
        print(width, max_lines, repr(placeholder), w.wrap(text))
w = TextWrapper(width=10, max_lines=2, drop_whitespace=False)
print(w.wrap('aaaa bbbb cccc dddd eeee'))
w = TextWrapper(width=10, max_lines=2)
print(w.wrap('aaaa bbbb cccc   '), w.wrap('aaaa bbbbbbbbbbbbbbbbbb'), w.wrap('a b'))
print(TextWrapper(width=10, max_lines=1).wrap('short'))
print(TextWrapper(width=10, max_lines=2, placeholder=' ...').wrap('x' * 30))

print('-- errors')
for kw in ({'width': 0}, {'width': -3}, {'width': 5, 'max_lines': 1, 'placeholder': ' [......]'},
           {'width': 6, 'max_lines': 2, 'subsequent_indent': '    ', 'placeholder': '...'}):
    try:
        print(TextWrapper(**kw).wrap('some text here'))
    except ValueError as e:
        print('ValueError:', e)
try:
    TextWrapper(width=0).wrap('')
except ValueError as e:
    print('ValueError even for empty text:', e)

print('-- attributes and defaults')
w = TextWrapper()
print(w.width, repr(w.initial_indent), repr(w.subsequent_indent), w.expand_tabs,
      w.replace_whitespace, w.fix_sentence_endings, w.break_long_words,
      w.drop_whitespace, w.break_on_hyphens, w.tabsize, w.max_lines, repr(w.placeholder))
w.width = 15
print(w.fill(CORPUS[0]))
w = TextWrapper(30, '* ', '  ', True, True, False, True, True, True, 8)
print(w.fill(CORPUS[1]))
print(len(TextWrapper.unicode_whitespace_trans), TextWrapper.unicode_whitespace_trans[ord('\t')])

print('-- module functions')
print(textwrap.wrap(CORPUS[0], 15, initial_indent='- '))
print(textwrap.fill(CORPUS[9], width=20, subsequent_indent='  '))
print(textwrap.fill(''))
for width in (5, 11, 12, 20, 100):
    print(width, repr(textwrap.shorten('  Hello   world!  How\tare\nyou?  ', width)))
print(repr(textwrap.shorten('Hello world', 8, placeholder='~')))
try:
    textwrap.shorten('Hello world', 3)
except ValueError as e:
    print('ValueError:', e)
print(repr(textwrap.shorten('a-b-c-d-e-f-g', 7, break_on_hyphens=False)))


# A subclass can override the splitting hook.
class WordsOnly(TextWrapper):
    def _split(self, text):
        return [c for c in text.replace(' ', '\0 \0').split('\0') if c]


print(WordsOnly(width=10).wrap('state-of-the-art stuff here'))
print(TextWrapper()._split_chunks('a\tb-cd  e'))
