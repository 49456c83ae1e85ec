# Differential sweep: pseudo-random texts built from awkward tokens, wrapped
# with many option combinations.  The generator is a small LCG so the texts
# are the same under every interpreter.
from textwrap import TextWrapper, dedent, indent

TOKENS = ['a', 'bb', 'word', 'Hello.', 'x-y', 'state-of-the-art', '--', '---', '-',
          'a--b', 'e.g.', 'end!', '"q."', 'sixteen-letters!', '12-34', 'ab-', '-cd',
          ' ', '  ', '\t', '\n', 'Zz?', 'longlonglonglonglongword', "it's", 'x--', '--y']

state = 12345


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % (1 << 31)
    return state % n


def text_of(length):
    out = []
    for _ in range(length):
        out.append(TOKENS[rand(len(TOKENS))])
        if rand(3):
            out.append(' ')
    return ''.join(out)


OPTION_SETS = [
    {},
    {'break_on_hyphens': False},
    {'break_long_words': False},
    {'drop_whitespace': False},
    {'fix_sentence_endings': True},
    {'initial_indent': '* ', 'subsequent_indent': '  '},
    {'max_lines': 2},
    {'max_lines': 3, 'placeholder': '..'},
    {'max_lines': 1, 'break_long_words': False, 'placeholder': '~'},
    {'max_lines': 2, 'drop_whitespace': False},
    {'expand_tabs': False, 'replace_whitespace': False},
    {'tabsize': 3, 'break_on_hyphens': False, 'max_lines': 4},
]

for case in range(120):
    text = text_of(3 + rand(14))
    width = 1 + rand(24)
    options = OPTION_SETS[case % len(OPTION_SETS)]
    try:
        lines = TextWrapper(width=width, **options).wrap(text)
    except ValueError as e:
        lines = 'ValueError: %s' % e
    print(case, width, repr(text), lines)

# dedent / indent on generated blocks.
PIECES = ['    ', '  ', '\t', ' \t', '', 'x', 'y z', '   ', '\t\t']
for case in range(40):
    rows = []
    for _ in range(1 + rand(5)):
        rows.append(PIECES[rand(len(PIECES))] + PIECES[rand(len(PIECES))] + PIECES[4 + rand(4)])
    block = '\n'.join(rows) + ('\n' if rand(2) else '')
    print(case, repr(block), repr(dedent(block)), repr(indent(block, '> ')))
