"""Shell-like lexing: split(), quote(), join() and the shlex tokenizer class.

Design notes
------------
The shlex class is a character-at-a-time state machine.  Its `state`
attribute is one of:

  ' '       between tokens, skipping whitespace;
  'a'       inside a word;
  'c'       inside a run of punctuation characters (punctuation_chars);
  a quote   inside a quoted section opened by that quote character;
  an escape just after an escape character; `_after_escape` remembers the
            state to go back to once the escaped character is consumed;
  None      the input is exhausted.

Two dialects share the machine.  In POSIX mode (what split() uses) quotes
are removed and glue adjacent text into one word, backslash escapes work
outside single quotes, '' is a real empty token, and the end of input is
reported as None.  In the classic mode quotes are kept in the token, a
closing quote ends the token, escapes mean nothing, and the end is ''.

Characters that the machine reads but does not consume are handed back
through one of two queues: `pushback` holds whole tokens (push_token()
puts them there, and classic mode uses it for the single character that
ended a word), while `_char_queue` holds characters still to be lexed
when punctuation_chars is on, because a punctuation run must be able to
end a word and then become a token of its own.

`source`, push_source() and pop_source() give the csh-style "source file"
inclusion: a token equal to `source` makes the next token a file name
whose contents are lexed in place.

quote() does not use regular expressions: a string made only of
characters from a small safe set is returned as is, anything else is put
in single quotes, with each embedded single quote written as '"'"'.
"""

import collections
import io
import os
import sys

__all__ = ['shlex', 'split', 'quote', 'join']

_ASCII_WORD = ('abcdfeghijklmnopqrstuvwxyz'
               'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
               '0123456789_')
# Extra letters that count as word characters in POSIX mode.
_LATIN1_WORD = ('\xdf\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec'
                '\xed\xee\xef\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf8\xf9\xfa\xfb'
                '\xfc\xfd\xfe\xff\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9'
                '\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd8'
                '\xd9\xda\xdb\xdc\xdd\xde')
_DEFAULT_PUNCTUATION = '();<>|&'
_BLANKS = ' \t\r\n'


def _as_stream(source):
    """A readable stream for [source]: strings are wrapped, streams kept."""
    return io.StringIO(source) if isinstance(source, str) else source


class shlex:
    """A lexer for simple shell-like syntaxes; iterate over it for tokens.

    [instream] is a string or a file-like object (sys.stdin when None);
    [infile] names it in error messages; [posix] selects the POSIX rules;
    [punctuation_chars] True (or a string of characters) makes runs of
    those characters tokens of their own, as a shell treats '&&' or '|'.
    """

    def __init__(self, instream=None, infile=None, posix=False,
                 punctuation_chars=False):
        instream = _as_stream(instream)
        if instream is None:
            # Reading standard input: there is no file name to report.
            instream, infile = sys.stdin, None
        self.instream = instream
        self.infile = infile
        self.posix = posix
        self.eof = None if posix else ''
        self.commenters = '#'
        self.wordchars = _ASCII_WORD + (_LATIN1_WORD if posix else '')
        self.whitespace = _BLANKS
        self.whitespace_split = False
        self.quotes = '\'"'
        self.escape = '\\'
        self.escapedquotes = self.quotes[1]
        self.state = ' '
        self.pushback = collections.deque()
        self.lineno = 1
        self.debug = 0
        self.token = ''
        self.filestack = collections.deque()
        self.source = None
        if punctuation_chars is True:
            punctuation_chars = _DEFAULT_PUNCTUATION
        punctuation_chars = punctuation_chars or ''
        self._punctuation_chars = punctuation_chars
        if punctuation_chars:
            self._char_queue = collections.deque()
            # File-name characters join words, so that "a/b.c" stays whole
            # next to the punctuation; punctuation itself never does.
            self.wordchars += '~-./*?='
            self.wordchars = ''.join(c for c in self.wordchars
                                     if c not in punctuation_chars)

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def push_token(self, tok):
        """Make [tok] the next token get_token() returns."""
        self.pushback.appendleft(tok)

    def push_source(self, newstream, newfile=None):
        """Lex [newstream] (a string or stream) before the rest of the
        current input."""
        saved = (self.infile, self.instream, self.lineno)
        self.filestack.appendleft(saved)
        self.instream = _as_stream(newstream)
        self.infile = newfile
        self.lineno = 1

    def pop_source(self):
        """Close the current input and resume the one it interrupted."""
        self.instream.close()
        self.infile, self.instream, self.lineno = self.filestack.popleft()
        self.state = ' '

    def get_token(self):
        """The next token: a pushed-back one first, else one from the
        input; self.eof at the end of all input."""
        if self.pushback:
            return self.pushback.popleft()
        raw = self.read_token()
        if self.source is not None:
            while raw == self.source:
                included = self.sourcehook(self.read_token())
                if included:
                    name, stream = included
                    self.push_source(stream, name)
                raw = self.get_token()
        while raw == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            raw = self.get_token()
        return raw

    def _next_char(self):
        if self._punctuation_chars and self._char_queue:
            return self._char_queue.pop()
        return self.instream.read(1)

    def _finish_or_skip(self, quoted):
        """True if the token gathered so far should be returned now."""
        return bool(self.token) or (self.posix and quoted)

    def read_token(self):
        """Lex one token from the input, ignoring pushback and sources."""
        quoted = False
        self._after_escape = ' '
        while True:
            char = self._next_char()
            if char == '\n':
                self.lineno += 1
            state = self.state
            if state is None:
                self.token = ''
                break
            if state == ' ':
                if self._between_tokens(char, quoted):
                    break
            elif state in self.quotes:
                quoted = True
                if self._in_quotes(char):
                    break
            elif state in self.escape:
                if not char:
                    raise ValueError('No escaped character')
                back = self._after_escape
                # Inside double quotes a backslash only escapes the quote
                # itself and another backslash; before anything else it
                # stays in the text.
                if back in self.quotes and char != state and char != back:
                    self.token += state
                self.token += char
                self.state = back
            elif state in ('a', 'c'):
                if self._in_word(char, quoted):
                    break
        result = self.token
        self.token = ''
        if self.posix and not quoted and result == '':
            result = None
        return result

    def _between_tokens(self, char, quoted):
        """Handle [char] in state ' '; True ends the token."""
        if not char:
            self.state = None
            return True
        if char in self.whitespace:
            return self._finish_or_skip(quoted)
        if char in self.commenters:
            self.instream.readline()
            self.lineno += 1
        elif self.posix and char in self.escape:
            self._after_escape = 'a'
            self.state = char
        elif char in self.wordchars:
            self.token = char
            self.state = 'a'
        elif char in self._punctuation_chars:
            self.token = char
            self.state = 'c'
        elif char in self.quotes:
            if not self.posix:
                self.token = char
            self.state = char
        elif self.whitespace_split:
            self.token = char
            self.state = 'a'
        else:
            # Any other character is a token by itself.
            self.token = char
            return self._finish_or_skip(quoted)
        return False

    def _in_quotes(self, char):
        """Handle [char] inside a quoted section; True ends the token."""
        state = self.state
        if not char:
            raise ValueError('No closing quotation')
        if char == state:
            if not self.posix:
                self.token += char
                self.state = ' '
                return True
            self.state = 'a'
        elif (self.posix and char in self.escape
              and state in self.escapedquotes):
            self._after_escape = state
            self.state = char
        else:
            self.token += char
        return False

    def _in_word(self, char, quoted):
        """Handle [char] inside a word or punctuation run; True ends the
        token."""
        if not char:
            self.state = None
            return True
        if char in self.whitespace:
            self.state = ' '
            return self._finish_or_skip(quoted)
        if char in self.commenters:
            self.instream.readline()
            self.lineno += 1
            if self.posix:
                self.state = ' '
                return self._finish_or_skip(quoted)
            return False
        if self.state == 'c':
            if char in self._punctuation_chars:
                self.token += char
                return False
            if char not in self.whitespace:
                self._char_queue.append(char)
            self.state = ' '
            return True
        if self.posix and char in self.quotes:
            self.state = char
        elif self.posix and char in self.escape:
            self._after_escape = 'a'
            self.state = char
        elif (char in self.wordchars or char in self.quotes
              or (self.whitespace_split
                  and char not in self._punctuation_chars)):
            self.token += char
        else:
            # The character ends the word and is lexed again afterwards.
            if self._punctuation_chars:
                self._char_queue.append(char)
            else:
                self.pushback.appendleft(char)
            self.state = ' '
            return self._finish_or_skip(quoted)
        return False

    def sourcehook(self, newfile):
        """Open the file named by a source token: return (name, stream)."""
        name = newfile[1:-1] if newfile[0] == '"' else newfile
        # A relative name is taken relative to the including file.
        parent = self.infile
        if isinstance(parent, str) and not os.path.isabs(name):
            name = os.path.join(os.path.dirname(parent), name)
        return (name, open(name, 'r'))

    def error_leader(self, infile=None, lineno=None):
        """A '"file", line N: ' prefix for error messages, as compilers
        print them."""
        if infile is None:
            infile = self.infile
        if lineno is None:
            lineno = self.lineno
        return '"%s", line %d: ' % (infile, lineno)

    def __iter__(self):
        return self

    def __next__(self):
        word = self.get_token()
        if word == self.eof:
            raise StopIteration
        return word


def split(s, comments=False, posix=True):
    """Split the string [s] into words as a POSIX shell would."""
    if s is None:
        import warnings
        warnings.warn("Passing None for 's' to shlex.split() "
                      "is deprecated.", DeprecationWarning, stacklevel=2)
    lexer = shlex(s, posix=posix)
    lexer.whitespace_split = True
    if not comments:
        lexer.commenters = ''
    return list(lexer)


def join(split_command):
    """The inverse of split(): a shell command line for a list of words."""
    return ' '.join(quote(word) for word in split_command)


# Characters that never need quoting in a POSIX shell word.
_SAFE = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
                  '0123456789_@%+=:,./-')


def quote(s):
    """[s] made safe to paste into a POSIX shell command line as one word."""
    if not s:
        return "''"
    for char in s:
        if char not in _SAFE:
            break
    else:
        return s
    # Inside single quotes nothing is special except the closing quote, so
    # each ' becomes: close the quotes, a double-quoted ', reopen.
    return "'" + s.replace("'", "'\"'\"'") + "'"
