"""Command-line parsing: ArgumentParser, its actions, groups and help text.

Design notes
------------
A parser owns a list of Actions. Each Action knows its option strings
("-v", "--verbose"; none for a positional), where its result goes (`dest`),
how many command-line words it eats (`nargs`) and what to do with them
(`__call__`). Argument groups and mutually exclusive groups are views onto
the same list: they share the parser's tables and only remember which
actions belong to them, for help layout and conflict checks.

Parsing is done in two passes over the words. The first classifies every
word as an option ('O'), a plain argument ('A') or the "--" separator
('-'), giving a short signature string such as "OAAOA". The second walks
that signature: at an option, the option's nargs is turned into a regular
expression over the signature to see how many following words it takes; in
a run of plain words, the remaining positionals are matched together, as
many of them as can be satisfied, longest prefix first. Matching counts
with regular expressions over the signature is what makes "x [y ...] z"
style positionals work without backtracking code of our own.

Help and usage text are built by HelpFormatter, whose subclasses
(RawDescriptionHelpFormatter and friends) override small hooks. The layout
rules (the 24-column help position, wrapping usage into option and
positional lines, the spacing between sections) reproduce what CPython 3.11
prints, measured by experiment, because scripts compare that text.

Errors found while parsing are ArgumentErrors; parse_args() turns them into
"usage ... prog: error: message" on stderr and exit status 2, unless the
parser was built with exit_on_error=False.
"""

import os
import re
import sys

__all__ = [
    'ArgumentParser', 'ArgumentError', 'ArgumentTypeError',
    'BooleanOptionalAction', 'FileType', 'HelpFormatter',
    'ArgumentDefaultsHelpFormatter', 'RawDescriptionHelpFormatter',
    'RawTextHelpFormatter', 'MetavarTypeHelpFormatter', 'Namespace',
    'Action', 'ONE_OR_MORE', 'OPTIONAL', 'PARSER', 'REMAINDER', 'SUPPRESS',
    'ZERO_OR_MORE',
]

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
PARSER = 'A...'
REMAINDER = '...'
_UNRECOGNIZED_ARGS_ATTR = '_unrecognized_args'

_NEGATIVE_NUMBER = re.compile(r'^-\d+$|^-\d*\.\d+$')


def _collapse_spaces(text):
    return ' '.join(text.split())


# ---------------------------------------------------------------------------
# Namespace and the repr helper

class _AttributeHolder:
    """Gives a class a repr built from its positional and keyword state."""

    def __repr__(self):
        shown = [repr(value) for value in self._get_args()]
        odd_names = {}
        for key, value in self._get_kwargs():
            if key.isidentifier():
                shown.append('%s=%r' % (key, value))
            else:
                odd_names[key] = value
        if odd_names:
            shown.append('**%r' % (odd_names,))
        return '%s(%s)' % (type(self).__name__, ', '.join(shown))

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


class Namespace(_AttributeHolder):
    """A plain attribute bag: what parse_args() returns."""

    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


# ---------------------------------------------------------------------------
# Errors

def _action_label(action):
    """How error messages name an argument: its options, else its metavar."""
    if action is None:
        return None
    if action.option_strings:
        return '/'.join(action.option_strings)
    for candidate in (action.metavar, action.dest):
        if candidate not in (None, SUPPRESS):
            return candidate
    if action.choices:
        return '{' + ','.join(action.choices) + '}'
    return None


class ArgumentError(Exception):
    """A problem with one argument (or with the command line as a whole)."""

    def __init__(self, argument, message):
        self.argument_name = _action_label(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """Raised by a type= converter to reject a value with its own message."""


# ---------------------------------------------------------------------------
# Actions

_ACTION_FIELDS = ('option_strings', 'dest', 'nargs', 'const', 'default', 'type',
                  'choices', 'required', 'help', 'metavar')


class Action(_AttributeHolder):
    """One command-line argument: how to recognise it and what to store.

    The ten constructor fields are public attributes (help text refers to
    them as %(default)s and so on); __call__ receives the converted values.
    """

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        given = (option_strings, dest, nargs, const, default, type, choices,
                 required, help, metavar)
        vars(self).update(zip(_ACTION_FIELDS, given))

    def _get_kwargs(self):
        return [(field, getattr(self, field)) for field in _ACTION_FIELDS]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError('.__call__() not defined')


def _copied_list(items):
    # append/extend never mutate the default list in place: a shared
    # default would otherwise grow across parse_args() calls.
    if items is None:
        return []
    if type(items) is list:
        return items[:]
    import copy
    return copy.copy(items)


class _BuiltinAction(Action):
    """The stock actions: each only says what the new value of dest is.

    `_updated(old, values)` receives the current value of the destination
    and the converted words and returns the value to store.
    """

    def __call__(self, parser, namespace, values, option_string=None):
        current = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, self._updated(current, values))


def _check_value_taking(kind, nargs, const, zero_hint):
    # Shared argument checks of store and append: they need words to work on.
    if nargs == 0:
        raise ValueError('nargs for %s actions must be != 0; if %s' % (kind, zero_hint))
    if const is not None and nargs != OPTIONAL:
        raise ValueError('nargs must be %r to supply const' % OPTIONAL)


class _StoreAction(_BuiltinAction):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None):
        _check_value_taking('store', nargs, const,
                            'you have nothing to store, actions such as store true '
                            'or store const may be more appropriate')
        Action.__init__(self, option_strings, dest, nargs, const, default, type,
                        choices, required, help, metavar)

    def _updated(self, old, values):
        return values


class _StoreConstAction(_BuiltinAction):
    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None):
        Action.__init__(self, option_strings, dest, 0, const, default,
                        required=required, help=help)

    def _updated(self, old, values):
        return self.const


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        _StoreConstAction.__init__(self, option_strings, dest, True, default, required, help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        _StoreConstAction.__init__(self, option_strings, dest, False, default, required, help)


class _AppendAction(_BuiltinAction):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None,
                 type=None, choices=None, required=False, help=None, metavar=None):
        _check_value_taking('append', nargs, const,
                            'arg strings are not supplying the value to append, the '
                            'append const action may be more appropriate')
        Action.__init__(self, option_strings, dest, nargs, const, default, type,
                        choices, required, help, metavar)

    def _updated(self, old, values):
        return _copied_list(old) + [values]


class _AppendConstAction(_BuiltinAction):
    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None):
        Action.__init__(self, option_strings, dest, 0, const, default,
                        required=required, help=help, metavar=metavar)

    def _updated(self, old, values):
        return _copied_list(old) + [self.const]


class _CountAction(_BuiltinAction):
    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        Action.__init__(self, option_strings, dest, 0, default=default,
                        required=required, help=help)

    def _updated(self, old, values):
        return 1 if old is None else old + 1


class _ExtendAction(_AppendAction):
    def _updated(self, old, values):
        return _copied_list(old) + list(values)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        Action.__init__(self, option_strings, dest, 0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        Action.__init__(self, option_strings, dest, 0, default=default, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        shown = parser.version if self.version is None else self.version
        # The version text goes through the formatter so that %(prog)s is
        # expanded and long text is wrapped like a description.
        layout = parser._get_formatter()
        layout.add_text(shown)
        parser._write(layout.format_help(), sys.stdout)
        parser.exit()


class BooleanOptionalAction(Action):
    """--flag / --no-flag pairs that store True or False."""

    def __init__(self, option_strings, dest, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        both = []
        for spelling in option_strings:
            both.append(spelling)
            if spelling.startswith('--'):
                both.append('--no-' + spelling[2:])
        if help is not None and default not in (None, SUPPRESS):
            help = help + ' (default: %(default)s)'
        Action.__init__(self, both, dest, 0, None, default, type, choices,
                        required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            negated = option_string.startswith('--no-')
            setattr(namespace, self.dest, not negated)

    def format_usage(self):
        return ' | '.join(self.option_strings)


class _ChoicesPseudoAction(Action):
    """A help-only row for one sub-command under its subparsers action."""

    def __init__(self, name, aliases, help):
        shown = name
        if aliases:
            shown = '%s (%s)' % (name, ', '.join(aliases))
        super().__init__(option_strings=[], dest=name, help=help, metavar=shown)


class _SubParsersAction(Action):
    """The positional that picks a sub-command and hands it the rest."""

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS,
                 required=False, help=None, metavar=None):
        self._command_prefix = prog
        self._make_parser = parser_class
        self._parsers_by_name = {}
        self._command_rows = []
        super().__init__(option_strings=option_strings, dest=dest, nargs=PARSER,
                         choices=self._parsers_by_name, required=required,
                         help=help, metavar=metavar)

    def add_parser(self, name, **kwargs):
        if kwargs.get('prog') is None:
            kwargs['prog'] = '%s %s' % (self._command_prefix, name)
        aliases = kwargs.pop('aliases', ())
        if name in self._parsers_by_name:
            raise ArgumentError(self, 'conflicting subparser: %s' % name)
        for alias in aliases:
            if alias in self._parsers_by_name:
                raise ArgumentError(self, 'conflicting subparser alias: %s' % alias)
        if 'help' in kwargs:
            self._command_rows.append(
                _ChoicesPseudoAction(name, aliases, kwargs.pop('help')))
        parser = self._make_parser(**kwargs)
        for key in (name,) + tuple(aliases):
            self._parsers_by_name[key] = parser
        return parser

    def _get_subactions(self):
        return self._command_rows

    def __call__(self, parser, namespace, values, option_string=None):
        chosen, rest = values[0], values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, chosen)
        try:
            sub = self._parsers_by_name[chosen]
        except KeyError:
            known = ', '.join(self._parsers_by_name)
            raise ArgumentError(self, 'unknown parser %r (choices: %s)' % (chosen, known))
        # The sub-parser fills its own namespace; its values then override
        # the parent's defaults of the same name.
        sub_namespace, leftover = sub.parse_known_args(rest, None)
        for key, value in vars(sub_namespace).items():
            setattr(namespace, key, value)
        if leftover:
            vars(namespace).setdefault(_UNRECOGNIZED_ARGS_ATTR, [])
            getattr(namespace, _UNRECOGNIZED_ARGS_ATTR).extend(leftover)


class FileType:
    """A type= factory that opens the named file ("-" means stdin/stdout)."""

    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._bufsize = bufsize
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == '-':
            if 'r' in self._mode:
                stream = sys.stdin
            elif any(c in self._mode for c in 'wax'):
                stream = sys.stdout
            else:
                raise ValueError('argument "-" with mode %r' % self._mode)
            return stream.buffer if 'b' in self._mode else stream
        try:
            return open(string, self._mode, self._bufsize, self._encoding, self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        shown = [repr(self._mode)]
        if self._bufsize != -1:
            shown.append(repr(self._bufsize))
        for key in ('encoding', 'errors'):
            value = getattr(self, '_' + key)
            if value is not None:
                shown.append('%s=%r' % (key, value))
        return 'FileType(%s)' % ', '.join(shown)


_ACTION_NAMES = {
    None: _StoreAction, 'store': _StoreAction, 'store_const': _StoreConstAction,
    'store_true': _StoreTrueAction, 'store_false': _StoreFalseAction,
    'append': _AppendAction, 'append_const': _AppendConstAction,
    'count': _CountAction, 'help': _HelpAction, 'version': _VersionAction,
    'parsers': _SubParsersAction, 'extend': _ExtendAction,
}


# ---------------------------------------------------------------------------
# Help formatting


class _Section:
    """A titled block of help output whose items are rendered late.

    Items are closures: they only run in format_help(), once every
    argument has been seen, because the column where help text starts
    depends on the longest invocation in the whole parser.
    """

    def __init__(self, formatter, parent, heading=None):
        self.formatter = formatter
        self.parent = parent
        self.heading = heading
        self.items = []

    def render(self):
        nested = self.parent is not None
        if nested:
            self.formatter._indent()
        body = ''.join(piece for piece in (item() for item in self.items)
                       if piece and piece is not SUPPRESS)
        if nested:
            self.formatter._dedent()
        if not body:
            return ''
        title = ''
        if self.heading is not SUPPRESS and self.heading is not None:
            title = '%s%s:\n' % (' ' * self.formatter._margin, self.heading)
        return '\n' + title + body + '\n'


class HelpFormatter:
    """Lays out usage and help text; subclasses change the hooks."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            import shutil
            width = shutil.get_terminal_size().columns - 2
        self._prog = prog
        self._step = indent_increment
        self._width = width
        self._help_column_limit = min(max_help_position,
                                      max(width - 20, indent_increment * 2))
        self._margin = 0
        self._level = 0
        self._widest_invocation = 0
        self._top_section = _Section(self, None)
        self._open_section = self._top_section

    # -- indentation and sections --

    def _indent(self):
        self._margin += self._step
        self._level += 1

    def _dedent(self):
        self._margin -= self._step
        self._level -= 1

    def _defer(self, func, args):
        self._open_section.items.append(lambda: func(*args))

    def start_section(self, heading):
        self._indent()
        section = _Section(self, self._open_section, heading)
        self._open_section.items.append(section.render)
        self._open_section = section

    def end_section(self):
        self._open_section = self._open_section.parent
        self._dedent()

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._defer(self._text_block, [text])

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._defer(self._format_usage, [usage, actions, groups, prefix])

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        # Remember the widest invocation (sub-commands count one level
        # deeper) so that help columns line up across the whole output.
        widths = [len(self._format_action_invocation(action))]
        self._indent()
        for sub in self._nested_rows(action):
            widths.append(len(self._format_action_invocation(sub)))
        self._dedent()
        self._widest_invocation = max(self._widest_invocation,
                                      max(widths) + self._margin)
        self._defer(self._format_action, [action])

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    def format_help(self):
        text = self._top_section.render()
        if text:
            text = re.sub(r'\n\n\n+', '\n\n', text)
            text = text.strip('\n') + '\n'
        return text

    def _concat(self, part_strings):
        return ''.join(p for p in part_strings if p and p is not SUPPRESS)

    # -- usage --

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = 'usage: '
        if usage is not None:
            usage = usage % dict(prog=self._prog)
        elif not actions:
            usage = '%(prog)s' % dict(prog=self._prog)
        else:
            usage = self._build_usage(actions, groups, prefix)
        return '%s%s\n\n' % (prefix, usage)

    def _build_usage(self, actions, groups, prefix):
        prog = '%(prog)s' % dict(prog=self._prog)
        flagged = [a for a in actions if a.option_strings]
        bare = [a for a in actions if not a.option_strings]
        joined = self._usage_words(flagged + bare, groups)
        usage = ' '.join(s for s in (prog, joined) if s)
        room = self._width - self._margin
        if len(prefix) + len(usage) <= room:
            return usage
        # Too long for one line: break it into words (a bracketed group is
        # one word) and wrap, options first, then positionals on their own
        # lines, under the program name when that leaves enough room.
        word = re.compile(r'\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+')
        opt_words = word.findall(self._usage_words(flagged, groups))
        pos_words = word.findall(self._usage_words(bare, groups))

        def wrap(words, indent, lead=None):
            lines, current = [], []
            used = len(lead) - 1 if lead is not None else len(indent) - 1
            for w in words:
                if current and used + 1 + len(w) > room:
                    lines.append(indent + ' '.join(current))
                    current = []
                    used = len(indent) - 1
                current.append(w)
                used += len(w) + 1
            if current:
                lines.append(indent + ' '.join(current))
            if lead is not None:
                lines[0] = lines[0][len(indent):]
            return lines

        if len(prefix) + len(prog) <= 0.75 * room:
            indent = ' ' * (len(prefix) + len(prog) + 1)
            if opt_words:
                lines = wrap([prog] + opt_words, indent, prefix)
                lines.extend(wrap(pos_words, indent))
            elif pos_words:
                lines = wrap([prog] + pos_words, indent, prefix)
            else:
                lines = [prog]
        else:
            indent = ' ' * len(prefix)
            lines = wrap(opt_words + pos_words, indent)
            if len(lines) > 1:
                lines = wrap(opt_words, indent) + wrap(pos_words, indent)
            lines = [prog] + lines
        return '\n'.join(lines)

    def _usage_words(self, actions, groups):
        # Brackets for mutually exclusive groups go around a run of actions
        # only when the group's members sit together in `actions`.
        marks = {}
        in_group = set()
        for group in groups:
            members = group._group_actions
            if not members or members[0] not in actions:
                continue
            start = actions.index(members[0])
            end = start + len(members)
            if actions[start:end] != members:
                continue
            in_group.update(members)
            shown = sum(1 for a in members if a.help is not SUPPRESS)
            if not group.required:
                opener, closer = '[', ']'
            elif shown > 1:
                opener, closer = '(', ')'
            else:
                opener = closer = None
            if opener:
                marks[start] = marks[start] + ' ' + opener if start in marks else opener
                marks[end] = marks[end] + closer if end in marks else closer
            for i in range(start + 1, end):
                marks[i] = '|'

        pieces = []
        for i, action in enumerate(actions):
            if action.help is SUPPRESS:
                pieces.append(None)
                if marks.get(i) == '|':
                    marks.pop(i)
                elif marks.get(i + 1) == '|':
                    marks.pop(i + 1)
            elif not action.option_strings:
                part = self._format_args(action, self._get_default_metavar_for_positional(action))
                if action in in_group and part[:1] == '[' and part[-1:] == ']':
                    part = part[1:-1]
                pieces.append(part)
            else:
                if action.nargs == 0:
                    part = action.format_usage()
                else:
                    metavar = self._get_default_metavar_for_optional(action)
                    part = '%s %s' % (action.option_strings[0],
                                      self._format_args(action, metavar))
                if not action.required and action not in in_group:
                    part = '[%s]' % part
                pieces.append(part)
        for i in sorted(marks, reverse=True):
            pieces[i:i] = [marks[i]]
        text = ' '.join(p for p in pieces if p is not None)
        text = re.sub(r'([\[(]) ', r'\1', text)
        text = re.sub(r' ([\])])', r'\1', text)
        text = re.sub(r'[\[(] *[\])]', r'', text)
        return text.strip()

    # -- free text --

    def _text_block(self, text):
        if '%(prog)' in text:
            text = text % dict(prog=self._prog)
        room = max(self._width - self._margin, 11)
        indent = ' ' * self._margin
        return self._fill_text(text, room, indent) + '\n\n'

    def _fill_text(self, text, width, indent):
        import textwrap
        return textwrap.fill(_collapse_spaces(text), width,
                             initial_indent=indent, subsequent_indent=indent)

    def _split_lines(self, text, width):
        import textwrap
        return textwrap.wrap(_collapse_spaces(text), width)

    # -- one argument's help row --

    def _format_action(self, action):
        help_position = min(self._widest_invocation + 2, self._help_column_limit)
        help_width = max(self._width - help_position, 11)
        name_width = help_position - self._margin - 2
        name = self._format_action_invocation(action)
        pad = ' ' * self._margin
        if not action.help:
            rows = [pad + name + '\n']
            first_indent = None
        elif len(name) <= name_width:
            rows = [pad + name.ljust(name_width) + '  ']
            first_indent = 0
        else:
            rows = [pad + name + '\n']
            first_indent = help_position
        if action.help and action.help.strip():
            text = self._help_with_values(action)
            if text:
                lines = self._split_lines(text, help_width)
                rows.append(' ' * first_indent + lines[0] + '\n')
                for line in lines[1:]:
                    rows.append(' ' * help_position + line + '\n')
        elif not rows[0].endswith('\n'):
            rows.append('\n')
        for sub in self._nested_rows(action):
            rows.append(self._format_action(sub))
        return self._concat(rows)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            default = self._get_default_metavar_for_positional(action)
            return self._value_names(action, default)(1)[0]
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        default = self._get_default_metavar_for_optional(action)
        args = self._format_args(action, default)
        return ', '.join('%s %s' % (flag, args) for flag in action.option_strings)

    def _value_names(self, action, default_metavar):
        if action.metavar is not None:
            chosen = action.metavar
        elif action.choices is not None:
            chosen = '{%s}' % ','.join(str(c) for c in action.choices)
        else:
            chosen = default_metavar

        def for_size(count):
            if isinstance(chosen, tuple):
                return chosen
            return (chosen,) * count
        return for_size

    def _format_args(self, action, default_metavar):
        names = self._value_names(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return '%s' % names(1)
        if nargs == OPTIONAL:
            return '[%s]' % names(1)
        if nargs == ZERO_OR_MORE:
            shown = names(1)
            if len(shown) == 2:
                return '[%s [%s ...]]' % shown
            return '[%s ...]' % shown
        if nargs == ONE_OR_MORE:
            return '%s [%s ...]' % names(2)
        if nargs == REMAINDER:
            return '...'
        if nargs == PARSER:
            return '%s ...' % names(1)
        if nargs == SUPPRESS:
            return ''
        try:
            slots = range(nargs)
        except TypeError:
            raise ValueError('invalid nargs value') from None
        return ' '.join(['%s'] * nargs) % names(nargs)

    def _help_with_values(self, action):
        params = dict(vars(action), prog=self._prog)
        for key in list(params):
            if params[key] is SUPPRESS:
                del params[key]
        for key in list(params):
            if hasattr(params[key], '__name__'):
                params[key] = params[key].__name__
        if params.get('choices') is not None:
            params['choices'] = ', '.join(str(c) for c in params['choices'])
        return self._get_help_string(action) % params

    def _nested_rows(self, action):
        try:
            subactions = action._get_subactions
        except AttributeError:
            return
        self._indent()
        yield from subactions()
        self._dedent()

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    """Keeps the description and epilog exactly as written."""

    def _fill_text(self, text, width, indent):
        return ''.join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Keeps every help string's line breaks too."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Appends "(default: ...)" to the help of arguments that have one."""

    def _get_help_string(self, action):
        text = action.help
        if text is None:
            text = ''
        if '%(default)' not in text and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                text += ' (default: %(default)s)'
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    """Names values after their type= converter (int, float, ...)."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__


# ---------------------------------------------------------------------------
# Containers: the parser and its groups share one set of tables

class _ActionsContainer:
    """What add_argument() needs: the action list and the option lookup."""

    def __init__(self, description, prefix_chars, argument_default, conflict_handler):
        vars(self).update(description=description, argument_default=argument_default,
                          prefix_chars=prefix_chars, conflict_handler=conflict_handler)
        self._lookup_tables = {'action': dict(_ACTION_NAMES), 'type': {None: lambda s: s}}
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._exclusive_groups = []
        self._defaults = {}
        # Whether some option looks like a negative number ("-1"); if none
        # does, "-1" on the command line is a value, not an option.
        self._negative_flags = []

    def register(self, registry_name, value, object):
        self._lookup_tables.setdefault(registry_name, {})[value] = object

    def _lookup(self, registry_name, value, default=None):
        return self._lookup_tables[registry_name].get(value, default)

    def set_defaults(self, **kwargs):
        """Defaults by dest; they also apply to arguments added later."""
        self._defaults.update(kwargs)
        for known in self._actions:
            if known.dest in kwargs:
                known.default = kwargs[known.dest]

    def get_default(self, dest):
        owners = [a for a in self._actions if a.dest == dest and a.default is not None]
        return owners[0].default if owners else self._defaults.get(dest)

    def add_argument(self, *args, **kwargs):
        """Declare one argument; see the module notes for the keywords."""
        if not args or (len(args) == 1 and args[0][0] not in self.prefix_chars):
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            kwargs = self._positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._optional_kwargs(*args, **kwargs)
        if 'default' not in kwargs:
            if kwargs['dest'] in self._defaults:
                kwargs['default'] = self._defaults[kwargs['dest']]
            elif self.argument_default is not None:
                kwargs['default'] = self.argument_default
        action_name = kwargs.pop('action', None)
        action_class = self._lookup('action', action_name, action_name)
        if not callable(action_class):
            raise ValueError('unknown action "%s"' % (action_class,))
        action = action_class(**kwargs)
        converter = self._lookup('type', action.type, action.type)
        if not callable(converter):
            raise ValueError('%r is not callable' % (converter,))
        if converter is FileType:
            raise ValueError('%r is a FileType class object, instance of it'
                             ' must be passed' % (converter,))
        if hasattr(self, '_get_formatter'):
            try:
                self._get_formatter()._format_args(action, None)
            except TypeError:
                raise ValueError('length of metavar tuple does not match nargs')
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        self._refuse_or_resolve_clash(action)
        self._actions.append(action)
        action.container = self
        for flag in action.option_strings:
            self._option_string_actions[flag] = action
            if _NEGATIVE_NUMBER.match(flag) and not self._negative_flags:
                self._negative_flags.append(True)
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _inherit_from(self, container):
        # Used for parents=[...]: copy groups (by title) and actions over.
        by_title = {g.title: g for g in self._action_groups}
        group_map = {}
        for group in container._action_groups:
            if group.title not in by_title:
                by_title[group.title] = self.add_argument_group(
                    title=group.title, description=group.description,
                    conflict_handler=group.conflict_handler)
            for action in group._group_actions:
                group_map[action] = by_title[group.title]
        for group in container._exclusive_groups:
            copy = self.add_mutually_exclusive_group(required=group.required)
            for action in group._group_actions:
                group_map[action] = copy
        for action in container._actions:
            group_map.get(action, self)._add_action(action)

    def _positional_kwargs(self, dest, **kwargs):
        if 'required' in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        nargs = kwargs.get('nargs')
        if nargs not in (OPTIONAL, ZERO_OR_MORE) or (nargs == ZERO_OR_MORE
                                                     and 'default' not in kwargs):
            kwargs['required'] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _optional_kwargs(self, *args, **kwargs):
        flags = []
        long_flags = []
        for flag in args:
            if not flag or flag[0] not in self.prefix_chars:
                raise ValueError('invalid option string %r: must start with a '
                                 'character %r' % (flag, self.prefix_chars))
            flags.append(flag)
            if len(flag) > 1 and flag[1] in self.prefix_chars:
                long_flags.append(flag)
        dest = kwargs.pop('dest', None)
        if dest is None:
            source = long_flags[0] if long_flags else flags[0]
            dest = source.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError('dest= is required for options like %r' % source)
            dest = dest.replace('-', '_')
        return dict(kwargs, dest=dest, option_strings=flags)

    def _refuse_or_resolve_clash(self, action):
        clashes = [(flag, self._option_string_actions[flag])
                   for flag in action.option_strings
                   if flag in self._option_string_actions]
        if not clashes:
            return
        if self.conflict_handler == 'resolve':
            for flag, old in clashes:
                old.option_strings.remove(flag)
                self._option_string_actions.pop(flag, None)
                if not old.option_strings:
                    old.container._remove_action(old)
            return
        if self.conflict_handler != 'error':
            raise ValueError('invalid conflict_resolution value: %r' % self.conflict_handler)
        word = 'string' if len(clashes) == 1 else 'strings'
        raise ArgumentError(action, 'conflicting option %s: %s'
                            % (word, ', '.join(flag for flag, _ in clashes)))


# The tables a group borrows from its parser instead of keeping its own.
_SHARED_TABLES = ('_lookup_tables', '_actions', '_option_string_actions', '_defaults',
                  '_negative_flags', '_exclusive_groups')


class _ArgumentGroup(_ActionsContainer):
    """A titled section of the help; arguments still belong to the parser."""

    def __init__(self, container, title=None, description=None, **kwargs):
        kwargs.setdefault('conflict_handler', container.conflict_handler)
        kwargs.setdefault('prefix_chars', container.prefix_chars)
        kwargs.setdefault('argument_default', container.argument_default)
        super().__init__(description=description, **kwargs)
        self.title = title
        self._group_actions = []
        # Share the parser's tables, so lookups and defaults see everything.
        for shared in _SHARED_TABLES:
            setattr(self, shared, getattr(container, shared))

    def _add_action(self, action):
        action = super()._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        super()._remove_action(action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    """At most one (or, if required, exactly one) of its arguments."""

    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError('mutually exclusive arguments must be optional')
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)


# How many words each nargs setting takes, as a regular expression over the
# signature string ('A' plain word, 'O' option, '-' the "--" separator).
_NARGS_REGEX = {
    None: '-*A-*', OPTIONAL: '-*A?-*', ZERO_OR_MORE: '-*[A-]*',
    ONE_OR_MORE: '-*A[A-]*', REMAINDER: '[-AO]*', PARSER: '-*A[-AO]*',
    SUPPRESS: '-*-*',
}


def _nargs_pattern(action):
    body = _NARGS_REGEX.get(action.nargs)
    if body is None:
        # A count: exactly that many plain words, separators allowed between.
        body = '-*%s-*' % '-*'.join('A' * action.nargs)
    # After an option the separator is never part of its values.
    if action.option_strings:
        body = body.replace('-*', '').replace('-', '')
    return '(%s)' % body


class ArgumentParser(_AttributeHolder, _ActionsContainer):
    """Turns a list of command-line words into a Namespace."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None,
                 parents=[], formatter_class=HelpFormatter, prefix_chars='-',
                 fromfile_prefix_chars=None, argument_default=None,
                 conflict_handler='error', add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        _ActionsContainer.__init__(self, description=description,
                                   prefix_chars=prefix_chars,
                                   argument_default=argument_default,
                                   conflict_handler=conflict_handler)
        if prog is None:
            prog = os.path.basename(sys.argv[0]) if sys.argv else ''
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        vars(self).update(formatter_class=formatter_class, add_help=add_help,
                          fromfile_prefix_chars=fromfile_prefix_chars,
                          allow_abbrev=allow_abbrev, exit_on_error=exit_on_error)
        self._positionals = self.add_argument_group('positional arguments')
        self._optionals = self.add_argument_group('options')
        self._subparsers = None
        if add_help:
            lead = '-' if '-' in prefix_chars else prefix_chars[0]
            self.add_argument(lead + 'h', lead * 2 + 'help', action='help',
                              default=SUPPRESS, help='show this help message and exit')
        for parent in parents:
            self._inherit_from(parent)
            self._defaults.update(parent._defaults)

    def _get_kwargs(self):
        keys = ('prog', 'usage', 'description', 'formatter_class',
                'conflict_handler', 'add_help')
        return [(key, getattr(self, key)) for key in keys]

    def _add_action(self, action):
        # Arguments added to the parser itself land in the default groups.
        target = self._optionals if action.option_strings else self._positionals
        return target._add_action(action)

    def _get_optional_actions(self):
        return [a for a in self._actions if a.option_strings]

    def _get_positional_actions(self):
        return [a for a in self._actions if not a.option_strings]

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error('cannot have multiple subparser arguments')
        kwargs.setdefault('parser_class', type(self))
        if 'title' in kwargs or 'description' in kwargs:
            title = kwargs.pop('title', 'subcommands')
            description = kwargs.pop('description', None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals
        # Sub-parsers are named after this parser's usage up to here:
        # "prog", plus any positionals that come before the command.
        if kwargs.get('prog') is None:
            formatter = self._get_formatter()
            formatter.add_usage(self.usage, self._get_positional_actions(),
                                self._exclusive_groups, '')
            kwargs['prog'] = formatter.format_help().strip()
        action_class = self._lookup('action', kwargs.pop('action', 'parsers'), None)
        action = action_class(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    # -- parsing --

    def parse_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error('unrecognized arguments: %s' % ' '.join(extras))
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        args = sys.argv[1:] if args is None else list(args)
        if namespace is None:
            namespace = Namespace()
        # Defaults first, without overwriting what a caller's namespace has.
        seeded = [(a.dest, a.default) for a in self._actions
                  if a.dest is not SUPPRESS and a.default is not SUPPRESS]
        seeded.extend(self._defaults.items())
        for dest, value in seeded:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        if self.exit_on_error:
            try:
                namespace, args = self._parse_known_args(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse_known_args(args, namespace)
        # Words a sub-command did not recognise were parked on the namespace.
        parked = vars(namespace).pop(_UNRECOGNIZED_ARGS_ATTR, None)
        if parked:
            args.extend(parked)
        return namespace, args

    def parse_intermixed_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_intermixed_args(args, namespace)
        if extras:
            self.error('unrecognized arguments: %s' % ' '.join(extras))
        return namespace

    def parse_known_intermixed_args(self, args=None, namespace=None):
        """Like parse_known_args(), but positionals may be split by options.

        Two passes: the first parses only the options (positionals are
        switched off and their words left over), the second parses the
        leftovers as positionals, with every option made optional so the
        first pass's findings are not demanded twice.
        """
        positionals = self._get_positional_actions()
        for action in positionals:
            if action.nargs in (PARSER, REMAINDER):
                raise TypeError('parse_intermixed_args: positional arg with nargs=%s'
                                % action.nargs)
        for group in self._exclusive_groups:
            if any(a in positionals for a in group._group_actions):
                raise TypeError('parse_intermixed_args: positional in mutuallyExclusiveGroup')
        saved_usage = self.usage
        try:
            if self.usage is None:
                self.usage = self.format_usage()[len('usage: '):]
            saved = [(a, a.nargs, a.default) for a in positionals]
            try:
                for action in positionals:
                    action.nargs = action.default = SUPPRESS
                namespace, leftover = self.parse_known_args(args, namespace)
                for action in positionals:
                    if getattr(namespace, action.dest, None) == []:
                        delattr(namespace, action.dest)
            finally:
                for action, nargs, default in saved:
                    action.nargs, action.default = nargs, default
            toggled = [(a, a.required) for a in self._get_optional_actions()]
            toggled += [(g, g.required) for g in self._exclusive_groups]
            try:
                for thing, _ in toggled:
                    thing.required = False
                namespace, extras = self.parse_known_args(leftover, namespace)
            finally:
                for thing, required in toggled:
                    thing.required = required
        finally:
            self.usage = saved_usage
        return namespace, extras

    def _parse_known_args(self, words, namespace):
        if self.fromfile_prefix_chars is not None:
            words = self._read_args_from_files(words)
        conflicts = {}
        for group in self._exclusive_groups:
            members = group._group_actions
            for i, member in enumerate(members):
                conflicts.setdefault(member, []).extend(members[:i] + members[i + 1:])

        # Pass one: the signature string and what each option word names.
        found_options = {}
        signature = []
        after_separator = False
        for i, word in enumerate(words):
            if after_separator:
                signature.append('A')
            elif word == '--':
                signature.append('-')
                after_separator = True
            else:
                hit = self._parse_optional(word)
                if hit is None:
                    signature.append('A')
                else:
                    found_options[i] = hit
                    signature.append('O')
        signature = ''.join(signature)

        seen = set()
        seen_non_default = set()
        extras = []
        positionals = self._get_positional_actions()

        def take_action(action, argument_words, option_string=None):
            seen.add(action)
            value = self._convert_words(action, argument_words)
            if value is not action.default:
                seen_non_default.add(action)
                for rival in conflicts.get(action, ()):
                    if rival in seen_non_default:
                        raise ArgumentError(action, 'not allowed with argument %s'
                                            % _action_label(rival))
            if value is not SUPPRESS:
                action(self, namespace, value, option_string)

        def consume_optional(start):
            action, flag, explicit = found_options[start]
            pending = []
            while True:
                if action is None:
                    extras.append(words[start])
                    return start + 1
                if explicit is None:
                    first = start + 1
                    count = self._count_for_option(action, signature[first:])
                    stop = first + count
                    pending.append((action, words[first:stop], flag))
                    break
                count = self._count_for_option(action, 'A')
                if count == 0 and flag[1] not in self.prefix_chars and explicit != '':
                    # "-xyz" where -x takes nothing: -x now, then "-yz".
                    pending.append((action, [], flag))
                    flag = flag[0] + explicit[0]
                    rest = explicit[1:] or None
                    if flag not in self._option_string_actions:
                        raise ArgumentError(action, 'ignored explicit argument %r'
                                            % explicit)
                    action = self._option_string_actions[flag]
                    explicit = rest
                elif count == 1:
                    stop = start + 1
                    pending.append((action, [explicit], flag))
                    break
                else:
                    raise ArgumentError(action, 'ignored explicit argument %r' % explicit)
            for act, argument_words, used_flag in pending:
                take_action(act, argument_words, used_flag)
            return stop

        def consume_positionals(start):
            counts = self._counts_for_positionals(positionals, signature[start:])
            for action, count in zip(positionals, counts):
                take_action(action, words[start:start + count])
                start += count
            del positionals[:len(counts)]
            return start

        # Pass two: alternate runs of plain words and options.
        start = 0
        last_option = max(found_options) if found_options else -1
        while start <= last_option:
            next_option = min(i for i in found_options if i >= start)
            if start != next_option:
                reached = consume_positionals(start)
                if reached > start:
                    start = reached
                    continue
                start = reached
            if start not in found_options:
                extras.extend(words[start:next_option])
                start = next_option
            start = consume_optional(start)
        stop = consume_positionals(start)
        extras.extend(words[stop:])

        missing = []
        for action in self._actions:
            if action in seen:
                continue
            if action.required:
                missing.append(_action_label(action))
            elif (action.default is not None and isinstance(action.default, str)
                  and hasattr(namespace, action.dest)
                  and action.default is getattr(namespace, action.dest)):
                # String defaults go through type= like command-line words.
                setattr(namespace, action.dest, self._convert_word(action, action.default))
        if missing:
            self.error('the following arguments are required: %s' % ', '.join(missing))
        for group in self._exclusive_groups:
            if group.required and not any(a in seen_non_default
                                          for a in group._group_actions):
                names = [_action_label(a) for a in group._group_actions
                         if a.help is not SUPPRESS]
                self.error('one of the arguments %s is required' % ' '.join(names))
        return namespace, extras

    def _read_args_from_files(self, words):
        expanded = []
        for word in words:
            if not word or word[0] not in self.fromfile_prefix_chars:
                expanded.append(word)
                continue
            try:
                with open(word[1:]) as f:
                    inner = []
                    for line in f.read().splitlines():
                        inner.extend(self.convert_arg_line_to_args(line))
                    expanded.extend(self._read_args_from_files(inner))
            except OSError as err:
                self.error(str(err))
        return expanded

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]

    def _count_for_option(self, action, signature):
        found = re.match(_nargs_pattern(action), signature)
        if found is not None:
            return len(found.group(1))
        nargs = action.nargs
        if nargs is None:
            message = 'expected one argument'
        elif nargs == OPTIONAL:
            message = 'expected at most one argument'
        elif nargs == ONE_OR_MORE:
            message = 'expected at least one argument'
        else:
            message = ('expected %s argument' if nargs == 1
                       else 'expected %s arguments') % nargs
        raise ArgumentError(action, message)

    def _counts_for_positionals(self, actions, signature):
        # As many leading positionals as can be satisfied at once.
        for count in range(len(actions), 0, -1):
            pattern = ''.join(_nargs_pattern(a) for a in actions[:count])
            found = re.match(pattern, signature)
            if found is not None:
                return [len(g) for g in found.groups()]
        return []

    def _parse_optional(self, word):
        """(action, option string, attached value) if `word` is an option."""
        if not word or word[0] not in self.prefix_chars:
            return None
        if word in self._option_string_actions:
            return self._option_string_actions[word], word, None
        if len(word) == 1:
            return None
        if '=' in word:
            flag, value = word.split('=', 1)
            if flag in self._option_string_actions:
                return self._option_string_actions[flag], flag, value
        candidates = self._get_option_tuples(word)
        if len(candidates) > 1:
            names = ', '.join(flag for _, flag, _ in candidates)
            self.error('ambiguous option: %s could match %s' % (word, names))
        if len(candidates) == 1:
            return candidates[0]
        if _NEGATIVE_NUMBER.match(word) and not self._negative_flags:
            return None
        if ' ' in word:
            return None
        return None, word, None

    def _get_option_tuples(self, word):
        found = []
        chars = self.prefix_chars
        if word[0] in chars and word[1] in chars:
            if self.allow_abbrev:
                prefix, value = word, None
                if '=' in word:
                    prefix, value = word.split('=', 1)
                for flag, action in self._option_string_actions.items():
                    if flag.startswith(prefix):
                        found.append((action, flag, value))
        elif word[0] in chars:
            short, attached = word[:2], word[2:]
            for flag, action in self._option_string_actions.items():
                if flag == short:
                    found.append((action, flag, attached))
                elif flag.startswith(word):
                    found.append((action, flag, None))
        else:
            self.error('unexpected option string: %s' % word)
        return found

    # -- values --

    def _convert_words(self, action, words):
        if action.nargs not in (PARSER, REMAINDER) and '--' in words:
            words = list(words)
            words.remove('--')
        nargs = action.nargs
        if not words and nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._convert_word(action, value)
                self._check_choice(action, value)
        elif not words and nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else words
            self._check_choice(action, value)
        elif len(words) == 1 and nargs in (None, OPTIONAL):
            value = self._convert_word(action, words[0])
            self._check_choice(action, value)
        elif nargs == REMAINDER:
            value = [self._convert_word(action, w) for w in words]
        elif nargs == PARSER:
            value = [self._convert_word(action, w) for w in words]
            self._check_choice(action, value[0])
        elif nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._convert_word(action, w) for w in words]
            for item in value:
                self._check_choice(action, item)
        return value

    def _convert_word(self, action, word):
        convert = self._lookup('type', action.type, action.type)
        if not callable(convert):
            raise ArgumentError(action, '%r is not callable' % (convert,))
        try:
            return convert(word)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, '__name__', repr(action.type))
            raise ArgumentError(action, 'invalid %s value: %r' % (name, word))

    def _check_choice(self, action, value):
        if action.choices is not None and value not in action.choices:
            listed = ', '.join(map(repr, action.choices))
            raise ArgumentError(action, 'invalid choice: %r (choose from %s)'
                                % (value, listed))

    # -- output --

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def format_usage(self):
        layout = self._get_formatter()
        layout.add_usage(self.usage, self._actions, self._exclusive_groups)
        return layout.format_help()

    def format_help(self):
        layout = self._get_formatter()
        layout.add_usage(self.usage, self._actions, self._exclusive_groups)
        layout.add_text(self.description)
        for section in self._action_groups:
            layout.start_section(section.title)
            layout.add_text(section.description)
            layout.add_arguments(section._group_actions)
            layout.end_section()
        layout.add_text(self.epilog)
        return layout.format_help()

    def print_usage(self, file=None):
        self._write(self.format_usage(), file or sys.stdout)

    def print_help(self, file=None):
        self._write(self.format_help(), file or sys.stdout)

    def _write(self, message, file=None):
        if not message:
            return
        try:
            (file or sys.stderr).write(message)
        except (AttributeError, OSError):
            pass

    def exit(self, status=0, message=None):
        if message:
            self._write(message, sys.stderr)
        sys.exit(status)

    def error(self, message):
        """Print the usage and the message to stderr, and exit with status 2."""
        self.print_usage(sys.stderr)
        self.exit(2, '%s: error: %s\n' % (self.prog, message))
