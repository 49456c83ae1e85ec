"""Python 2 <-> Python 3 names of globals in pickles (pickle's fix_imports).

Design notes
------------
Pickles of protocol 0 to 2 were meant to be readable by Python 2, where many
modules and builtins had other names.  With fix_imports (the default) the
writer spells globals the Python 2 way before protocol 3 and the reader
translates Python 2 names back whatever the protocol byte says.  CPython
keeps the full table; this one covers the modules gilpy ships and the
builtins, which is where real pickles name globals, and is written as text
tables parsed once at import so that each pair reads as one line.

FIXED_GLOBALS holds gilpy objects that CPython provides from a C module
gilpy lacks: codecs.encode is _codecs.encode in every CPython pickle of
bytes before protocol 3, so the writer uses that name and the reader maps it
back.
"""

import codecs

# "python3_module python2_module" for whole modules.
_MODULES = """
builtins __builtin__
copyreg copy_reg
queue Queue
socketserver SocketServer
configparser ConfigParser
reprlib repr
_thread thread
_dummy_thread dummy_thread
http.client httplib
http.cookies Cookie
http.cookiejar cookielib
http.server BaseHTTPServer
html.entities htmlentitydefs
html.parser HTMLParser
_markupbase markupbase
urllib.parse urlparse
urllib.request urllib2
urllib.robotparser robotparser
xmlrpc.client xmlrpclib
subprocess commands
collections.abc _abcoll
dbm anydbm
"""

# Renames applied only when writing: Python 2's functools and pickle are
# still the right modules to read from in Python 3.
_WRITE_ONLY_MODULES = """
_functools functools
_pickle pickle
"""

# "python3_module.name python2_module.name" for single globals.
_NAMES = """
builtins.range __builtin__.xrange
builtins.str __builtin__.unicode
builtins.int __builtin__.long
builtins.chr __builtin__.unichr
builtins.zip itertools.izip
builtins.map itertools.imap
builtins.filter itertools.ifilter
functools.reduce __builtin__.reduce
_functools.reduce __builtin__.reduce
sys.intern __builtin__.intern
itertools.filterfalse itertools.ifilterfalse
itertools.zip_longest itertools.izip_longest
collections.UserDict UserDict.IterableUserDict
collections.UserList UserList.UserList
collections.UserString UserString.UserString
socket.fromfd _socket.fromfd
urllib.parse.quote urllib.quote
urllib.parse.quote_plus urllib.quote_plus
urllib.parse.unquote urllib.unquote
urllib.parse.unquote_plus urllib.unquote_plus
urllib.parse.urlencode urllib.urlencode
urllib.request.urlopen urllib.urlopen
urllib.request.urlretrieve urllib.urlretrieve
urllib.request.urlcleanup urllib.urlcleanup
urllib.request.pathname2url urllib.pathname2url
urllib.request.url2pathname urllib.url2pathname
urllib.request.getproxies urllib.getproxies
urllib.error.ContentTooShortError urllib.ContentTooShortError
urllib.error.HTTPError urllib2.HTTPError
urllib.error.URLError urllib2.URLError
"""

# Python 2 kept its builtin exceptions in a module named "exceptions"; the
# ones added in Python 3 (RecursionError, BlockingIOError...) never moved.
_EXCEPTIONS = """
ArithmeticError AssertionError AttributeError BaseException BrokenPipeError
BufferError BytesWarning ChildProcessError ConnectionAbortedError
ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning
EOFError EnvironmentError Exception FileExistsError FileNotFoundError
FloatingPointError FutureWarning GeneratorExit IOError ImportError
ImportWarning IndentationError IndexError InterruptedError IsADirectoryError
KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError
NameError NotADirectoryError NotImplementedError OSError OverflowError
PendingDeprecationWarning PermissionError ProcessLookupError ReferenceError
RuntimeError RuntimeWarning StopIteration SyntaxError SyntaxWarning
SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError
UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError
UnicodeWarning UserWarning ValueError Warning ZeroDivisionError
"""

_OSERROR_FAMILY = set('''
BrokenPipeError ChildProcessError ConnectionAbortedError ConnectionError
ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError
InterruptedError IsADirectoryError NotADirectoryError PermissionError
ProcessLookupError TimeoutError
'''.split())

# Python 2 names that only appear when reading (several map to one name).
_READ_ONLY_NAMES = """
__builtin__.basestring builtins.str
exceptions.StandardError builtins.Exception
UserDict.UserDict collections.UserDict
"""
_READ_ONLY_MODULES = """
cPickle pickle
StringIO io
cStringIO io
UserDict collections
UserList collections
UserString collections
whichdb dbm
"""


def _pairs(table):
    return [line.split() for line in table.strip().splitlines()]


def _dotted(text):
    # "a.b.c" -> ("a.b", "c"): the last part is the global's name.
    module, _, name = text.rpartition('.')
    return module, name


MODULE_TO_3 = {old: new for new, old in _pairs(_MODULES)}
MODULE_TO_2 = dict(_pairs(_MODULES) + _pairs(_WRITE_ONLY_MODULES))
MODULE_TO_3.update(_pairs(_READ_ONLY_MODULES))

NAME_TO_2 = {_dotted(new): _dotted(old) for new, old in _pairs(_NAMES)}
for _exc in _EXCEPTIONS.split():
    # The OSError family was born in Python 3.3: Python 2 only knew OSError.
    _base = _exc
    if _exc in _OSERROR_FAMILY:
        _base = 'OSError'
    elif _exc == 'ModuleNotFoundError':
        _base = 'ImportError'
    NAME_TO_2[('builtins', _exc)] = ('exceptions', _base)
# exceptions.OSError reads back as OSError, not as the last of its family.
NAME_TO_3 = {old: new for new, old in NAME_TO_2.items()
             if old[0] != 'exceptions' or old[1] == new[1]}
NAME_TO_3[('__builtin__', 'reduce')] = ('functools', 'reduce')
NAME_TO_3.update((_dotted(old), _dotted(new)) for old, new in _pairs(_READ_ONLY_NAMES))
del _exc, _base

FIXED_GLOBALS = {id(codecs.encode): ('_codecs', 'encode')}


def to_python2(module, name):
    """The Python 2 spelling of module.name, for protocols 0 to 2."""
    pair = NAME_TO_2.get((module, name))
    if pair is not None:
        return pair
    return MODULE_TO_2.get(module, module), name


def to_python3(module, name):
    """The Python 3 spelling of a global read from an old pickle."""
    pair = NAME_TO_3.get((module, name))
    if pair is not None:
        return pair
    return MODULE_TO_3.get(module, module), name
