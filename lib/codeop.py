"""Decide whether a piece of interactive input is a complete statement.

Design notes
------------
compile_command() answers three ways: a code object (the input is complete
and valid), None (it is valid so far but needs more lines, like "if x:"),
or SyntaxError (no continuation can make it valid).

CPython decides this with compiler flags that gilpy's compile() does not
have (don't imply a dedent at the end; report "incomplete input"), so the
same decision is made here from the outside:

  * input that is only blank lines and comments compiles as "pass";
  * a SyntaxError whose message says the input stopped too early (an
    unclosed bracket or triple-quoted string, a missing indented block, a
    trailing backslash) or a lone decorator means "more lines needed";
  * input that compiles but starts a compound statement (if, for, def,
    class...) is complete only once it ends with a newline, since in
    'single' mode another indented line could still follow.
"""

import __future__

__all__ = ["compile_command", "Compile", "CommandCompiler"]

_INCOMPLETE_MESSAGES = (
    "was never closed",
    "expected an indented block",
    "unterminated triple-quoted string",
    "unexpected EOF",
)

_COMPOUND_WORDS = frozenset(['if', 'for', 'while', 'def', 'class', 'with', 'try',
                             'async', 'elif', 'else', 'except', 'finally'])


def _first_code_line(source):
    for line in source.split('\n'):
        stripped = line.strip()
        if stripped and not stripped.startswith('#'):
            return stripped
    return None


def _needs_more(source, error):
    message = str(getattr(error, 'msg', '') or '')
    if any(part in message for part in _INCOMPLETE_MESSAGES):
        return True
    last = [line.strip() for line in source.split('\n') if line.strip()]
    return bool(last) and last[-1].startswith('@')


def _maybe_compile(compiler, source, filename, symbol):
    first = _first_code_line(source)
    if first is None and symbol != 'eval':
        source = 'pass'
    try:
        code = compiler(source, filename, symbol)
    except SyntaxError as error:
        if _needs_more(source, error):
            return None
        raise
    if symbol == 'single' and first is not None and not source.endswith('\n'):
        word = first.split(None, 1)[0].rstrip(':')
        if word in _COMPOUND_WORDS or first.startswith('@'):
            return None
    return code


def compile_command(source, filename="<input>", symbol="single"):
    """Compile [source] if it is a complete statement; None if it needs more lines.

    [symbol] is 'single' (the default), 'exec' or 'eval'.  Raises SyntaxError
    (or OverflowError, ValueError) for input that cannot become valid.
    """
    return _maybe_compile(compile, source, filename, symbol)


class Compile:
    """Like compile(), but remembers the __future__ imports it has seen."""

    def __init__(self):
        self.flags = 0

    def __call__(self, source, filename, symbol, **kwargs):
        code = compile(source, filename, symbol, self.flags, True)
        for name in getattr(code, 'co_names', ()):
            feature = getattr(__future__, name, None)
            if isinstance(feature, __future__._Feature) and 'from __future__' in source:
                self.flags |= feature.compiler_flag
        return code


class CommandCompiler:
    """compile_command() that remembers __future__ imports between calls."""

    def __init__(self):
        self.compiler = Compile()

    def __call__(self, source, filename="<input>", symbol="single"):
        return _maybe_compile(self.compiler, source, filename, symbol)
