"""Read a password without echo, and find the name of the current user.

Design notes
------------
Turning terminal echo off needs termios, which gilpy does not have, so
getpass() always takes the path CPython takes when it cannot control the
terminal: it issues a GetPassWarning, writes "Warning: Password input may be
echoed." and the prompt to the stream (stderr by default), and reads one line
from sys.stdin, then ends the prompt's line.  End of input raises EOFError;
the trailing newline is removed.

getuser() looks at the LOGNAME, USER, LNAME and USERNAME environment
variables in that order, then at the password database (read from
/etc/passwd, as gilpy has no pwd module) for the process's user id.
"""

import os
import sys
import warnings

__all__ = ["getpass", "getuser", "GetPassWarning"]


class GetPassWarning(UserWarning):
    """Issued when the password may be echoed."""


def getpass(prompt='Password: ', stream=None):
    """Prompt on [stream] (default stderr) and read a line from stdin.

    The input may be echoed: a GetPassWarning says so.
    """
    if stream is None:
        stream = sys.stderr
    warnings.warn("Can not control echo on the terminal.", GetPassWarning, stacklevel=2)
    print("Warning: Password input may be echoed.", file=stream)
    password = _read_line(prompt, stream)
    # End the prompt's line, as the terminal would after the user's Enter.
    stream.write('\n')
    return password


def _read_line(prompt, stream):
    stream.write(prompt)
    stream.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    if line.endswith('\n'):
        line = line[:-1]
    return line


def getuser():
    """The login name of the user running the process."""
    for variable in ('LOGNAME', 'USER', 'LNAME', 'USERNAME'):
        name = os.environ.get(variable)
        if name:
            return name
    uid = os.getuid()
    try:
        with open('/etc/passwd', encoding='utf-8', errors='replace') as f:
            for line in f:
                fields = line.rstrip('\n').split(':')
                if len(fields) > 2 and fields[2] == str(uid):
                    return fields[0]
    except OSError:
        pass
    raise KeyError('getpwuid(): uid not found: %d' % uid)
