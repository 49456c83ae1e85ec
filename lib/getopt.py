"""Command-line option parsing in the style of C's getopt(): getopt,
gnu_getopt and GetoptError.

Design notes
------------
Both parsers turn an argument list into (options, remaining arguments),
where options is a list of (name, value) pairs such as ('-v', '') or
('--output', 'file.txt').  Short options are described by a string of
letters, a letter followed by ':' taking a value ("ab:" accepts -a and
-b VALUE, also written -bVALUE or -ab VALUE).  Long options are a list of
names, a name ending in '=' taking a value (--name=VALUE or --name VALUE);
any unambiguous prefix of a long name is accepted.

getopt() stops at the first argument that is not an option, as POSIX
requires.  gnu_getopt() keeps going, collecting the non-option arguments
on the side, unless the short-option string starts with '+' or the
POSIXLY_CORRECT environment variable is set.  Both stop at "--", and a
lone "-" (conventionally standard input) is an ordinary argument.

The helpers take the remaining argument list and return what is left of
it, since an option's value may be the next argument.
"""

import os

__all__ = ['GetoptError', 'error', 'getopt', 'gnu_getopt']


class GetoptError(Exception):
    """A bad command line: [msg] says what is wrong, [opt] names the option
    involved (without dashes), or is '' when there is none."""

    opt = ''
    msg = ''

    def __init__(self, msg, opt=''):
        self.msg = msg
        self.opt = opt
        super().__init__(msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def _long_list(longopts):
    # A single long option may be passed as a bare string.
    if isinstance(longopts, str):
        return [longopts]
    return list(longopts)


def _lookup_long(name, longopts):
    """Return (takes_value, full_name) for the long option [name], which
    may be an unambiguous prefix."""
    candidates = [known for known in longopts if known.startswith(name)]
    if not candidates:
        raise GetoptError('option --%s not recognized' % name, name)
    if name in candidates:
        return False, name
    if name + '=' in candidates:
        return True, name
    if len(candidates) != 1:
        raise GetoptError('option --%s not a unique prefix' % name, name)
    full = candidates[0]
    if full.endswith('='):
        return True, full[:-1]
    return False, full


def _parse_long(found, text, longopts, rest):
    """Record the long option [text] (the argument minus its '--');
    return the arguments still to parse."""
    name, equals, value = text.partition('=')
    if not equals:
        value = None
    takes_value, name = _lookup_long(name, longopts)
    if takes_value:
        if value is None:
            if not rest:
                raise GetoptError('option --%s requires argument' % name, name)
            value, rest = rest[0], rest[1:]
    elif value is not None:
        raise GetoptError('option --%s must not have an argument' % name,
                          name)
    found.append(('--' + name, value or ''))
    return rest


def _wants_value(letter, shortopts):
    """True if the short option [letter] takes a value."""
    position = shortopts.find(letter) if letter != ':' else -1
    if position < 0:
        raise GetoptError('option -%s not recognized' % letter, letter)
    return shortopts.startswith(':', position + 1)


def _parse_shorts(found, letters, shortopts, rest):
    """Record the cluster of short options [letters] (an argument minus
    its '-'); return the arguments still to parse."""
    while letters:
        letter, letters = letters[0], letters[1:]
        value = ''
        if _wants_value(letter, shortopts):
            # The value is the rest of this argument, or else the next one.
            if not letters:
                if not rest:
                    raise GetoptError('option -%s requires argument' % letter,
                                      letter)
                letters, rest = rest[0], rest[1:]
            value, letters = letters, ''
        found.append(('-' + letter, value))
    return rest


def getopt(args, shortopts, longopts=[]):
    """Parse the options at the front of [args] (usually sys.argv[1:]).

    Returns (options, arguments): the (name, value) pairs found and the
    arguments from the first non-option on.  Raises GetoptError on an
    unknown option or a missing or unexpected value.
    """
    found = []
    longopts = _long_list(longopts)
    while args and args[0].startswith('-') and args[0] != '-':
        current, args = args[0], args[1:]
        if current == '--':
            break
        if current.startswith('--'):
            args = _parse_long(found, current[2:], longopts, args)
        else:
            args = _parse_shorts(found, current[1:], shortopts, args)
    return found, args


def gnu_getopt(args, shortopts, longopts=[]):
    """Like getopt(), but options and other arguments may be mixed: every
    option before "--" is parsed and the other arguments are returned in
    their order."""
    found = []
    others = []
    longopts = _long_list(longopts)
    if shortopts.startswith('+'):
        shortopts = shortopts[1:]
        stop_at_first = True
    else:
        stop_at_first = bool(os.environ.get('POSIXLY_CORRECT'))
    while args:
        current, rest = args[0], args[1:]
        if current == '--':
            others.extend(rest)
            break
        if current[:2] == '--':
            args = _parse_long(found, current[2:], longopts, rest)
        elif current[:1] == '-' and current != '-':
            args = _parse_shorts(found, current[1:], shortopts, rest)
        elif stop_at_first:
            others.extend(args)
            break
        else:
            others.append(current)
            args = rest
    return found, others
