# input() at end of file raises EOFError; the prompt is still written.
try:
    input('prompt> ')
except EOFError as e:
    print()
    print('EOFError:', e)
try:
    input(1, 2)
except TypeError as e:
    print('TypeError:', e)
