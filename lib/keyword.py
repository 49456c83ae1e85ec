"""Python 3.11's reserved words (kwlist) and soft keywords (softkwlist).

Design notes
------------
A fixed table: the keywords of Python 3.11's grammar.  kwlist and
softkwlist are sorted lists, as in CPython; iskeyword and issoftkeyword are
membership tests on frozen sets (bound __contains__, so a non-string
argument simply answers False, and an unhashable one raises TypeError).
"""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = sorted("""
    False None True and as assert async await break class continue def del
    elif else except finally for from global if import in is lambda nonlocal
    not or pass raise return try while with yield
""".split())

# Words that are keywords only in some positions (match statements, and
# the wildcard pattern `_`).
softkwlist = ['_', 'case', 'match']

_HARD = frozenset(kwlist)
_SOFT = frozenset(softkwlist)
iskeyword = _HARD.__contains__
issoftkeyword = _SOFT.__contains__
