"""A framework for line-oriented command interpreters: the Cmd class.

Design notes
------------
A subclass defines do_<name>(self, arg) for each command and, optionally,
help_<name>(self) for help text (a do_ method's docstring serves otherwise).
onecmd() splits a line into the command word (the leading identchars) and
the rest, and calls the matching do_ method; "?" is short for "help" and "!"
for "shell" when do_shell exists.  A do_ method returning a true value ends
cmdloop().

cmdloop() reads lines until a command asks to stop: from input() when
use_rawinput is true (the prompt goes wherever input() writes it), otherwise
from self.stdin with the prompt written to self.stdout.  End of input is
delivered as the command "EOF", so a do_EOF method decides what it means.
The hooks preloop/postloop and precmd/postcmd wrap the loop and each
command.

help with no argument lists the commands in columns (columnize), grouped as
documented, miscellaneous topics (help_ without do_) and undocumented.

Line editing and tab completion need readline, which gilpy lacks; the
complete* methods are kept for callers that use them directly.
"""

import string
import sys

__all__ = ["Cmd"]

PROMPT = '(Cmd) '
IDENTCHARS = string.ascii_letters + string.digits + '_'


class Cmd:
    """Base class for a line-oriented command interpreter."""

    prompt = PROMPT
    identchars = IDENTCHARS
    ruler = '='
    lastcmd = ''
    intro = None
    doc_leader = ""
    doc_header = "Documented commands (type help <topic>):"
    misc_header = "Miscellaneous help topics:"
    undoc_header = "Undocumented commands:"
    nohelp = "*** No help on %s"
    use_rawinput = 1

    def __init__(self, completekey='tab', stdin=None, stdout=None):
        """[stdin] and [stdout] default to sys.stdin and sys.stdout."""
        self.stdin = stdin if stdin is not None else sys.stdin
        self.stdout = stdout if stdout is not None else sys.stdout
        self.cmdqueue = []
        self.completekey = completekey

    def cmdloop(self, intro=None):
        """Read and run commands until one returns a true value."""
        self.preloop()
        if intro is not None:
            self.intro = intro
        if self.intro:
            self.stdout.write(str(self.intro) + "\n")
        stop = None
        while not stop:
            line = self.precmd(self._next_line())
            stop = self.postcmd(self.onecmd(line), line)
        self.postloop()

    def _next_line(self):
        # Queued commands first, then the input; end of input is "EOF".
        if self.cmdqueue:
            return self.cmdqueue.pop(0)
        if self.use_rawinput:
            try:
                return input(self.prompt)
            except EOFError:
                return 'EOF'
        out = self.stdout
        out.write(self.prompt)
        out.flush()
        text = self.stdin.readline()
        return text.rstrip('\r\n') if text else 'EOF'

    # --- Hooks ---

    def precmd(self, line):
        """Called with each line before it runs; returns the line to run."""
        return line

    def postcmd(self, stop, line):
        """Called after each command with its result; returns whether to stop."""
        return stop

    def preloop(self):
        """Called once before the loop starts."""

    def postloop(self):
        """Called once after the loop ends."""

    # --- Running one line ---

    def parseline(self, line):
        """(command, argument, line) for [line]; command is None if there is none."""
        line = line.strip()
        if not line:
            return None, None, line
        if line[0] == '?':
            line = 'help %s' % line[1:]
        elif line[0] == '!':
            if not hasattr(self, 'do_shell'):
                return None, None, line
            line = 'shell %s' % line[1:]
        end = 0
        while end < len(line) and line[end] in self.identchars:
            end += 1
        return line[:end], line[end:].strip(), line

    def onecmd(self, line):
        """Run one command line; the return value is the do_ method's."""
        command, arg, text = self.parseline(line)
        if not text:
            return self.emptyline()
        method = None
        if command is not None:
            self.lastcmd = '' if text == 'EOF' else text
            if command:
                method = getattr(self, 'do_' + command, None)
        if method is not None:
            return method(arg)
        return self.default(text)

    def emptyline(self):
        """An empty line repeats the last command."""
        if self.lastcmd:
            return self.onecmd(self.lastcmd)

    def default(self, line):
        """Called for a line whose command is not known."""
        self.stdout.write('*** Unknown syntax: %s\n' % line)

    # --- Completion (used by readline when available) ---

    def completedefault(self, *ignored):
        return []

    def completenames(self, text, *ignored):
        prefix = 'do_' + text
        return [name[3:] for name in self.get_names() if name.startswith(prefix)]

    def complete_help(self, *args):
        found = set(self.completenames(*args))
        found.update(name[5:] for name in self.get_names()
                     if name.startswith('help_' + args[0]))
        return list(found)

    def get_names(self):
        """The attribute names of the class (not of the instance)."""
        return dir(type(self))

    # --- Help ---

    def do_help(self, arg):
        'List available commands with "help" or detailed help with "help cmd".'
        if arg:
            helper = getattr(self, 'help_' + arg, None)
            if helper is not None:
                helper()
                return
            command = getattr(self, 'do_' + arg, None)
            doc = getattr(command, '__doc__', None) if command is not None else None
            if doc:
                self.stdout.write("%s\n" % str(doc))
                return
            self.stdout.write("%s\n" % str(self.nohelp % (arg,)))
            return
        all_names = self.get_names()
        topics = set(name[5:] for name in all_names if name.startswith('help_'))
        documented, undocumented = [], []
        seen = set()
        for name in sorted(all_names):
            if not name.startswith('do_') or name in seen:
                continue
            seen.add(name)
            command = name[3:]
            if command in topics:
                documented.append(command)
                topics.discard(command)
            elif getattr(getattr(self, name), '__doc__', None):
                documented.append(command)
            else:
                undocumented.append(command)
        self.stdout.write("%s\n" % str(self.doc_leader))
        self.print_topics(self.doc_header, documented, 15, 80)
        self.print_topics(self.misc_header, sorted(topics), 15, 80)
        self.print_topics(self.undoc_header, undocumented, 15, 80)

    def print_topics(self, header, cmds, cmdlen, maxcol):
        if not cmds:
            return
        self.stdout.write("%s\n" % str(header))
        if self.ruler:
            self.stdout.write("%s\n" % str(self.ruler * len(header)))
        self.columnize(cmds, maxcol - 1)
        self.stdout.write("\n")

    def columnize(self, list, displaywidth=80):
        """Write the strings of [list] in as few rows as fit [displaywidth].

        Items go down the columns; columns are two spaces apart.
        """
        if not list:
            self.stdout.write("<empty>\n")
            return
        bad = [i for i, item in enumerate(list) if not isinstance(item, str)]
        if bad:
            raise TypeError("list[i] not a string for i in %s" % ", ".join(map(str, bad)))
        count = len(list)
        if count == 1:
            self.stdout.write('%s\n' % str(list[0]))
            return
        rows, widths = self._layout(list, displaywidth)
        for row in range(rows):
            cells = [list[i] for i in range(row, count, rows)]
            while cells and not cells[-1]:
                cells.pop()
            padded = [cell.ljust(widths[col]) for col, cell in enumerate(cells)]
            self.stdout.write("%s\n" % str("  ".join(padded)))

    @staticmethod
    def _layout(items, displaywidth):
        # The fewest rows whose columns, two spaces apart, fit the width;
        # when nothing fits, one item per row.
        count = len(items)
        for rows in range(1, count):
            widths = [max(len(item) for item in items[start:start + rows])
                      for start in range(0, count, rows)]
            if sum(widths) + 2 * (len(widths) - 1) <= displaywidth:
                return rows, widths
        return count, [0]
