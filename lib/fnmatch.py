"""Filename matching with shell patterns (fnmatch, fnmatchcase, filter), as
CPython's fnmatch, implemented without regular expressions.

Patterns: * matches everything, ? any single character, [seq] any character
in seq (ranges a-z allowed), [!seq] any character not in seq.
"""

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN (case-sensitive on POSIX)."""
    import posixpath
    name = posixpath.normcase(name)
    pat = posixpath.normcase(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    return [name for name in names if fnmatchcase(name, pat)]


def _class_match(pat, i, c):
    """Matches c against the class starting after '[' at pat[i]. Returns
    (matched, index after ']'), or (None, i) when the '[' is literal."""
    n = len(pat)
    j = i
    negate = False
    if j < n and pat[j] == '!':
        negate = True
        j += 1
    first = j
    if j < n and pat[j] == ']':
        j += 1
    while j < n and pat[j] != ']':
        j += 1
    if j >= n:
        return None, i
    body = pat[first:j]
    matched = False
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == '-':
            if body[k] <= c <= body[k + 2]:
                matched = True
            k += 3
        else:
            if body[k] == c:
                matched = True
            k += 1
    return matched != negate, j + 1


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case."""
    if isinstance(name, bytes) != isinstance(pat, bytes):
        raise TypeError("cannot use a string pattern on a bytes-like object"
                        if isinstance(pat, str) else
                        "cannot use a bytes pattern on a string-like object")
    if isinstance(name, bytes):
        name = name.decode('latin-1')
        pat = pat.decode('latin-1')
    # Iterative matching with backtracking to the last star.
    ni = pi = 0
    star_pi = -1
    star_ni = 0
    nn = len(name)
    np_ = len(pat)
    while ni < nn:
        if pi < np_:
            p = pat[pi]
            if p == '*':
                star_pi = pi
                star_ni = ni
                pi += 1
                continue
            if p == '?':
                ni += 1
                pi += 1
                continue
            if p == '[':
                ok, after = _class_match(pat, pi + 1, name[ni])
                if ok is None:
                    if name[ni] == '[':
                        ni += 1
                        pi += 1
                        continue
                elif ok:
                    ni += 1
                    pi = after
                    continue
            elif p == name[ni]:
                ni += 1
                pi += 1
                continue
        if star_pi >= 0:
            star_ni += 1
            ni = star_ni
            pi = star_pi + 1
            continue
        return False
    while pi < np_ and pat[pi] == '*':
        pi += 1
    return pi == np_


def translate(pat):
    """Translate a shell PATTERN to a regular expression string."""
    i, n = 0, len(pat)
    res = []
    while i < n:
        c = pat[i]
        i = i + 1
        if c == '*':
            if not res or res[-1] != '.*':
                res.append('.*')
        elif c == '?':
            res.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j = j + 1
            if j < n and pat[j] == ']':
                j = j + 1
            while j < n and pat[j] != ']':
                j = j + 1
            if j >= n:
                res.append('\\[')
            else:
                stuff = pat[i:j].replace('\\', '\\\\')
                i = j + 1
                if stuff[0] == '!':
                    stuff = '^' + stuff[1:]
                elif stuff[0] == '^':
                    stuff = '\\' + stuff
                res.append('[%s]' % stuff)
        else:
            if c.isalnum() or c == '_':
                res.append(c)
            else:
                res.append('\\' + c)
    return '(?s:%s)\\Z' % ''.join(res)
