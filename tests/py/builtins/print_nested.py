# print() inside __str__ of an argument being printed: the outer call's
# earlier pieces come out first, as in CPython.
import sys

class Chatty:
    def __str__(self):
        print('[inner]', end='')
        return 'chatty'

print('a', Chatty(), 'b')
print(1, 2.5, None, True, Chatty(), sep='|')

class Boom:
    def __str__(self):
        raise ValueError('no str')

try:
    print('before', Boom(), 'after')
except ValueError as e:
    print()
    print('ValueError:', e)
sys.stdout.write('x' * 2000 + '\n')
print('y' * 1000, 'z' * 300)
print(*range(200))
