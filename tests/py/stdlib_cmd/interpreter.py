# cmd.Cmd driven from a given stdin: command dispatch, arguments, "?" and
# "!" shortcuts, empty lines repeating the last command, unknown commands,
# EOF, the hooks, help output and columnize.
import cmd
import io


class Shell(cmd.Cmd):
    intro = 'Welcome to the test shell.'
    prompt = '(test) '
    use_rawinput = False

    def preloop(self):
        self.stdout.write('[preloop]\n')

    def postloop(self):
        self.stdout.write('[postloop]\n')

    def precmd(self, line):
        return line.replace('GREET', 'greet')

    def postcmd(self, stop, line):
        self.stdout.write('[after %r -> %r]\n' % (line, stop))
        return stop

    def do_greet(self, arg):
        """Greet someone: greet NAME"""
        self.stdout.write('Hello, %s!\n' % (arg or 'stranger'))

    def do_add(self, arg):
        """Add numbers: add 1 2 3"""
        self.stdout.write('%d\n' % sum(int(x) for x in arg.split()))

    def do_shell(self, arg):
        self.stdout.write('shell: %s\n' % arg)

    def do_quiet(self, arg):
        pass

    def help_topic(self):
        self.stdout.write('Some help about a topic.\n')

    def help_add(self):
        self.stdout.write('help_add wins over the docstring\n')

    def do_EOF(self, arg):
        self.stdout.write('bye\n')
        return True


script = '''greet
greet World
GREET caps

add 1 2 3
?
help greet
help add
help topic
help nothing
!ls -l
frobnicate now
123
'''
out = io.StringIO()
Shell(stdin=io.StringIO(script), stdout=out).cmdloop()
print(out.getvalue())

out = io.StringIO()
s = Shell(stdout=out)
print(s.onecmd('add 4 5'), s.onecmd('EOF'), s.lastcmd == '')
print(s.parseline('  greet   you  '), s.parseline('?x'), s.parseline('!cmd'), s.parseline(''))
print(cmd.Cmd().parseline('!x'))
s.cmdqueue = ['greet queued', 'EOF']
s.cmdloop('custom intro')
print(out.getvalue())

out = io.StringIO()
c = cmd.Cmd(stdout=out)
c.columnize([])
c.columnize(['one'])
c.columnize(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'], 30)
c.columnize([str(i) * (i % 7 + 1) for i in range(40)])
c.columnize(['x' * 50, 'y' * 50, 'z'], 60)
print(out.getvalue())
try:
    c.columnize(['a', 1, 'b', None])
except TypeError as e:
    print('TypeError:', e)
print(sorted(c.completenames('he')), Shell().completenames('g'), sorted(Shell().complete_help('t')))
print(cmd.PROMPT, cmd.IDENTCHARS == cmd.Cmd.identchars)
