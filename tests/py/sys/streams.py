# The standard streams: attributes, write() results and errors.
import sys

print(repr(sys.stdout))
print(repr(sys.stderr))
print(repr(sys.stdin))
print(sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stdout.writable(), sys.stdout.readable())
print(sys.stdin.readable(), sys.stdin.writable(), sys.stdin.name)
print(sys.stdout.write('abc\n'))
print(sys.stdout.write('é€\n'))
try:
    sys.stdout.write(1)
except TypeError as e:
    print('TypeError:', e)
try:
    sys.stdout.write()
except TypeError:
    print('TypeError without argument')
print(sys.stdin.read() == '', sys.stdin.readline() == '')
sys.stdout.writelines(['a', 'b', '\n'])
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.closed, sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr)

class Capture:
    def __init__(self):
        self.data = ''

    def write(self, s):
        self.data += s

real = sys.stdout
cap = Capture()
sys.stdout = cap
print('captured', 42)
sys.stdout = real
print(repr(cap.data))
sys.stdout = None
print('this goes nowhere')
sys.stdout = real
print('back')
