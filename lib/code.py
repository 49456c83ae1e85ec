"""Read-eval-print loops: InteractiveInterpreter, InteractiveConsole, interact().

Design notes
------------
InteractiveInterpreter runs source in a namespace (self.locals): runsource()
compiles with codeop's CommandCompiler, which says whether the input is
complete, and runcode() executes it, printing expression values the way the
interactive prompt does ('single' mode).  Errors are printed, not raised:
a syntax error as the compiler reported it, any other exception as a
traceback without the interpreter's own frame.  All output for errors goes
through write(), which subclasses redirect.

InteractiveConsole adds line buffering: push() collects lines until they form
a complete statement, and interact() reads lines with raw_input() (input()
by default), showing sys.ps1 or sys.ps2 as the prompt, until end of input.
"""

import codeop
import sys
import traceback

__all__ = "InteractiveInterpreter InteractiveConsole interact compile_command".split()

compile_command = codeop.compile_command


class InteractiveInterpreter:
    """Runs source code in a namespace and reports errors on stderr."""

    def __init__(self, locals=None):
        """[locals] defaults to a fresh dict with __name__ '__console__'."""
        if locals is None:
            locals = dict(__name__="__console__", __doc__=None)
        self.locals = locals
        self.compile = codeop.CommandCompiler()

    def runsource(self, source, filename="<input>", symbol="single"):
        """Compile and run [source]; return True when more input is needed."""
        try:
            compiled = self.compile(source, filename, symbol)
        except (SyntaxError, ValueError, OverflowError):
            self.showsyntaxerror(filename=filename)
            return False
        if compiled is None:
            return True
        self.runcode(compiled)
        return False

    def runcode(self, code):
        """Execute [code]; exceptions other than SystemExit are printed."""
        try:
            exec(code, self.locals)
        except SystemExit:
            raise
        except BaseException:
            self.showtraceback()

    def showsyntaxerror(self, filename=None):
        """Print the syntax error being handled (with [filename] if given)."""
        kind, value, tb = sys.exc_info()
        sys.last_type, sys.last_value, sys.last_traceback = kind, value, tb
        if filename and kind is not None and issubclass(kind, SyntaxError):
            try:
                value.filename = filename
            except AttributeError:
                pass
        self.write(''.join(traceback.format_exception_only(kind, value)))

    def showtraceback(self):
        """Print the exception being handled, without this module's frame."""
        kind, value, tb = sys.exc_info()
        sys.last_type, sys.last_value, sys.last_traceback = kind, value, tb
        try:
            text = traceback.format_exception(kind, value, tb.tb_next if tb else None)
            self.write(''.join(text))
        finally:
            tb = None

    def write(self, data):
        """Where error output goes: sys.stderr unless overridden."""
        sys.stderr.write(data)


class InteractiveConsole(InteractiveInterpreter):
    """An interpreter that collects lines into statements and runs a prompt loop."""

    def __init__(self, locals=None, filename="<console>"):
        super().__init__(locals)
        self.filename, self.buffer = filename, []

    def resetbuffer(self):
        """Drop the lines collected so far."""
        self.buffer = []

    def push(self, line):
        """Add one line; run the buffer once it is a complete statement.

        Returns True while more lines are needed.
        """
        self.buffer += [line]
        more = self.runsource("\n".join(self.buffer), self.filename)
        if not more:
            self.resetbuffer()
        return more

    def interact(self, banner=None, exitmsg=None):
        """Read, run and print until end of input."""
        ps1 = getattr(sys, 'ps1', '>>> ')
        ps2 = getattr(sys, 'ps2', '... ')
        if banner is None:
            self.write('Python %s on %s\nType "help", "copyright", "credits" or "license" '
                       'for more information.\n(%s)\n'
                       % (sys.version, sys.platform, type(self).__name__))
        elif banner:
            self.write(str(banner) + "\n")
        more = False
        while True:
            try:
                try:
                    line = self.raw_input(ps2 if more else ps1)
                except EOFError:
                    self.write("\n")
                    break
                more = self.push(line)
            except KeyboardInterrupt:
                self.write("\nKeyboardInterrupt\n")
                self.resetbuffer()
                more = False
        if exitmsg is None:
            self.write('now exiting %s...\n' % type(self).__name__)
        elif exitmsg != '':
            self.write(str(exitmsg) + '\n')

    def raw_input(self, prompt=""):
        """Read one line (input() by default); EOFError at end of input."""
        return input(prompt)


def interact(banner=None, readfunc=None, local=None, exitmsg=None):
    """Run an InteractiveConsole; [readfunc] replaces its raw_input."""
    shell = InteractiveConsole(local)
    if readfunc is not None:
        shell.raw_input = readfunc
    shell.interact(banner, exitmsg)
