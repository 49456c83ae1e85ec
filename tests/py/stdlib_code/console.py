# codeop.compile_command's complete / incomplete / invalid answers, and the
# code module's InteractiveInterpreter and InteractiveConsole running input
# with their error output captured.
import code
import codeop

for src in ['', '# c', 'x = 1', 'if x:', 'if x:\n  pass', 'if x:\n  pass\n', 'x = (1,',
            'x = (1,\n2)', 'def f():', 'def f():\n  return 1\n', 'x = ]', '"""abc',
            'print(1)\n', '@dec', 'for i in y: print(i)', 'class A: pass', 'x = 1 +',
            'x = 1 \\', 'while 1:\n  pass\nelse:', 'a b', '1 + 2']:
    try:
        result = codeop.compile_command(src)
        result = 'None' if result is None else type(result).__name__
    except SyntaxError as e:
        result = 'SyntaxError ' + e.msg
    print(repr(src), result)
print(type(codeop.compile_command('1 +\\\n 2', symbol='eval')).__name__)


class Captured(code.InteractiveConsole):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.errors = []

    def write(self, data):
        self.errors.append(data)


console = Captured()
lines = ['x = 6', 'x * 7', 'def double(n):', '    return n * 2', '', 'double(x)',
         'for i in range(2):', '    print(i)', '', '1/0', 'y = ]', 'undefined_name', 'x']
for line in lines:
    more = console.push(line)
    print('push %r -> %r' % (line, more))
print(console.locals['x'], sorted(k for k in console.locals if not k.startswith('__')))
print(''.join(console.errors))

interp = code.InteractiveInterpreter({'base': 10})
interp.write = lambda data: print('ERR:', data, end='')
print(interp.runsource('base + 1'), interp.runsource('if base:'), interp.runsource('raise ValueError("v")'))
print(interp.runsource('base +* 2'))

inputs = iter(['a = 1', 'if a:', '    print("yes")', '', 'a + 1'])


def reader(prompt):
    print('prompt %r' % prompt)
    try:
        return next(inputs)
    except StopIteration:
        raise EOFError


c2 = Captured()
c2.raw_input = reader
c2.interact(banner='hello', exitmsg='bye')
print(c2.errors)
