# shlex.split, quote and join against CPython, including quoting corner
# cases and the error messages.
import shlex

cases = [
    'ls -l /tmp',
    '  leading   and trailing  ',
    'a "b c" d',
    "a 'b c' d",
    'Do"Not"Separate',
    '"Do"Separate',
    "it's",
    'one\\ word two',
    'x="a b" y=\'c d\'',
    '"escaped \\" quote" and \'single \\ backslash\'',
    '"back\\\\slash" "\\n kept" "\\$dollar"',
    "''",
    '"" empty',
    "a '' b",
    'tab\tseparated\nnewline',
    'echo foo # a comment',
    'echo foo#not comment',
    'nested "it\'s" \'say "hi"\'',
    'üñíçødé wörds ß',
    'cmd --opt=value --flag -x1',
    '\\\\ backslash',
    'a\\"b',
    '"a\\b"',
    "'a\\'",
    'semi;colon|pipe&amp>redir',
    '',
    '   ',
]
for text in cases:
    print(repr(text))
    for posix in (True, False):
        for comments in (False, True):
            try:
                words = shlex.split(text, comments=comments, posix=posix)
            except ValueError as e:
                words = 'ValueError: %s' % e
            print('   posix=%s comments=%s -> %r' % (posix, comments, words))

for bad in ['"unterminated', "it's here", 'trailing\\', '"esc at end\\', "a 'b"]:
    try:
        print(shlex.split(bad))
    except ValueError as e:
        print(repr(bad), 'ValueError:', e)

words = ['', 'simple', 'two words', "it's", 'semi;colon', '$HOME', 'a"b', 'tab\there',
         'safe@%+=:,./-_', 'ünïcode', '*.py', '~user', 'new\nline', "'", '""']
for w in words:
    print(repr(w), '->', shlex.quote(w))
line = shlex.join(words)
print(line)
print(shlex.split(line) == words)
print(shlex.join(['cp', 'my file.txt', 'dest dir/']))
print(shlex.join([]), repr(shlex.join([''])))
