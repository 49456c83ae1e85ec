"""HTML helpers: escape() and unescape().

Design notes
------------
escape() replaces &, < and > (and both quote characters unless quote is
false). unescape() turns numeric character references (&#65; &#x41;) into
characters with the HTML5 rules for invalid code points (0x80-0x9F map to
their Windows-1252 meaning, surrogates and out-of-range values become
U+FFFD), and named references into characters from a table of the common
entities. gilpy does not carry the full 2,231-entry HTML5 table; names it
does not know are left as written.
"""

import re as _re

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """[s] with &, < and > (and quotes, by default) made HTML-safe."""
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


_INVALID_CHARREFS = {
    0x00: '\ufffd', 0x0d: '\r', 0x80: '\u20ac', 0x81: '\x81', 0x82: '\u201a',
    0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021',
    0x88: '\u02c6', 0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152',
    0x8d: '\x8d', 0x8e: '\u017d', 0x8f: '\x8f', 0x90: '\x90', 0x91: '\u2018',
    0x92: '\u2019', 0x93: '\u201c', 0x94: '\u201d', 0x95: '\u2022', 0x96: '\u2013',
    0x97: '\u2014', 0x98: '\u02dc', 0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a',
    0x9c: '\u0153', 0x9d: '\x9d', 0x9e: '\u017e', 0x9f: '\u0178',
}

_INVALID_CODEPOINTS = {
    0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0xe, 0xf, 0x10, 0x11, 0x12, 0x13, 0x14,
    0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x7f, 0x80, 0x81,
    0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
    0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d,
    0x9e, 0x9f, 0xfdd0, 0xfdd1, 0xfdd2, 0xfdd3, 0xfdd4, 0xfdd5, 0xfdd6, 0xfdd7, 0xfdd8,
    0xfdd9, 0xfdda, 0xfddb, 0xfddc, 0xfddd, 0xfdde, 0xfddf, 0xfde0, 0xfde1, 0xfde2, 0xfde3,
    0xfde4, 0xfde5, 0xfde6, 0xfde7, 0xfde8, 0xfde9, 0xfdea, 0xfdeb, 0xfdec, 0xfded, 0xfdee,
    0xfdef, 0xb, 0xfffe, 0xffff, 0x1fffe, 0x1ffff, 0x2fffe, 0x2ffff, 0x3fffe, 0x3ffff,
    0x4fffe, 0x4ffff, 0x5fffe, 0x5ffff, 0x6fffe, 0x6ffff, 0x7fffe, 0x7ffff, 0x8fffe, 0x8ffff,
    0x9fffe, 0x9ffff, 0xafffe, 0xaffff, 0xbfffe, 0xbffff, 0xcfffe, 0xcffff, 0xdfffe, 0xdffff,
    0xefffe, 0xeffff, 0xffffe, 0xfffff, 0x10fffe, 0x10ffff
}

# Named references gilpy knows, all terminated by ';'. The first group may
# also appear without the semicolon (legacy HTML4 names), as in HTML5.
_LEGACY = {
    'amp': '&', 'lt': '<', 'gt': '>', 'quot': '"', 'nbsp': '\xa0', 'copy': '\xa9',
    'reg': '\xae', 'deg': '\xb0', 'plusmn': '\xb1', 'sect': '\xa7', 'para': '\xb6',
    'middot': '\xb7', 'frac12': '\xbd', 'frac14': '\xbc', 'frac34': '\xbe',
    'laquo': '\xab', 'raquo': '\xbb', 'iexcl': '\xa1', 'iquest': '\xbf', 'cent': '\xa2',
    'pound': '\xa3', 'yen': '\xa5', 'curren': '\xa4', 'brvbar': '\xa6', 'uml': '\xa8',
    'ordf': '\xaa', 'ordm': '\xba', 'not': '\xac', 'shy': '\xad', 'macr': '\xaf',
    'sup1': '\xb9', 'sup2': '\xb2', 'sup3': '\xb3', 'acute': '\xb4', 'micro': '\xb5',
    'cedil': '\xb8', 'times': '\xd7', 'divide': '\xf7', 'szlig': '\xdf',
    'AElig': '\xc6', 'aelig': '\xe6', 'Aring': '\xc5', 'aring': '\xe5', 'Ccedil': '\xc7',
    'ccedil': '\xe7', 'ETH': '\xd0', 'eth': '\xf0', 'Ntilde': '\xd1', 'ntilde': '\xf1',
    'Oslash': '\xd8', 'oslash': '\xf8', 'THORN': '\xde', 'thorn': '\xfe', 'yuml': '\xff',
}
_ACCENTED = {
    'Agrave': '\xc0', 'Aacute': '\xc1', 'Acirc': '\xc2', 'Atilde': '\xc3', 'Auml': '\xc4',
    'Egrave': '\xc8', 'Eacute': '\xc9', 'Ecirc': '\xca', 'Euml': '\xcb', 'Igrave': '\xcc',
    'Iacute': '\xcd', 'Icirc': '\xce', 'Iuml': '\xcf', 'Ograve': '\xd2', 'Oacute': '\xd3',
    'Ocirc': '\xd4', 'Otilde': '\xd5', 'Ouml': '\xd6', 'Ugrave': '\xd9', 'Uacute': '\xda',
    'Ucirc': '\xdb', 'Uuml': '\xdc', 'Yacute': '\xdd', 'agrave': '\xe0', 'aacute': '\xe1',
    'acirc': '\xe2', 'atilde': '\xe3', 'auml': '\xe4', 'egrave': '\xe8', 'eacute': '\xe9',
    'ecirc': '\xea', 'euml': '\xeb', 'igrave': '\xec', 'iacute': '\xed', 'icirc': '\xee',
    'iuml': '\xef', 'ograve': '\xf2', 'oacute': '\xf3', 'ocirc': '\xf4', 'otilde': '\xf5',
    'ouml': '\xf6', 'ugrave': '\xf9', 'uacute': '\xfa', 'ucirc': '\xfb', 'uuml': '\xfc',
    'yacute': '\xfd',
}
_LEGACY.update(_ACCENTED)
_NAMED = dict(_LEGACY)
_NAMED.update({
    'apos': "'", 'hellip': '\u2026', 'mdash': '\u2014', 'ndash': '\u2013',
    'lsquo': '\u2018', 'rsquo': '\u2019', 'ldquo': '\u201c', 'rdquo': '\u201d',
    'sbquo': '\u201a', 'bdquo': '\u201e', 'bull': '\u2022', 'trade': '\u2122',
    'euro': '\u20ac', 'larr': '\u2190', 'rarr': '\u2192', 'uarr': '\u2191',
    'darr': '\u2193', 'harr': '\u2194', 'lArr': '\u21d0', 'rArr': '\u21d2',
    'hArr': '\u21d4', 'ne': '\u2260', 'le': '\u2264', 'ge': '\u2265', 'infin': '\u221e',
    'minus': '\u2212', 'sum': '\u2211', 'prod': '\u220f', 'radic': '\u221a',
    'asymp': '\u2248', 'equiv': '\u2261', 'part': '\u2202', 'int': '\u222b',
    'alpha': '\u03b1', 'beta': '\u03b2', 'gamma': '\u03b3', 'delta': '\u03b4',
    'epsilon': '\u03b5', 'lambda': '\u03bb', 'mu': '\u03bc', 'pi': '\u03c0',
    'sigma': '\u03c3', 'tau': '\u03c4', 'phi': '\u03c6', 'omega': '\u03c9',
    'Alpha': '\u0391', 'Beta': '\u0392', 'Gamma': '\u0393', 'Delta': '\u0394',
    'Pi': '\u03a0', 'Sigma': '\u03a3', 'Omega': '\u03a9', 'thinsp': '\u2009',
    'ensp': '\u2002', 'emsp': '\u2003', 'zwj': '\u200d', 'zwnj': '\u200c',
    'dagger': '\u2020', 'Dagger': '\u2021', 'permil': '\u2030', 'prime': '\u2032',
    'Prime': '\u2033', 'lsaquo': '\u2039', 'rsaquo': '\u203a', 'oline': '\u203e',
    'spades': '\u2660', 'clubs': '\u2663', 'hearts': '\u2665', 'diams': '\u2666',
    'check': '\u2713', 'cross': '\u2717', 'star': '\u2606', 'starf': '\u2605',
    'Tab': '\t', 'NewLine': '\n', 'excl': '!', 'num': '#', 'dollar': '$',
    'percnt': '%', 'lpar': '(', 'rpar': ')', 'ast': '*', 'plus': '+', 'comma': ',',
    'period': '.', 'sol': '/', 'colon': ':', 'semi': ';', 'equals': '=', 'quest': '?',
    'commat': '@', 'lsqb': '[', 'bsol': '\\', 'rsqb': ']', 'lowbar': '_', 'grave': '`',
    'lcub': '{', 'verbar': '|', 'rcub': '}', 'vert': '|',
})


def _replace_charref(s):
    s = s.group(1)
    if s[0] == '#':
        if s[1] in 'xX':
            num = int(s[2:].rstrip(';'), 16)
        else:
            num = int(s[1:].rstrip(';'))
        if num in _INVALID_CHARREFS:
            return _INVALID_CHARREFS[num]
        if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return '\uFFFD'
        if num in _INVALID_CODEPOINTS:
            return ''
        return chr(num)
    if s.endswith(';') and s[:-1] in _NAMED:
        return _NAMED[s[:-1]]
    if s in _LEGACY:
        return _LEGACY[s]
    # A legacy name may be followed directly by other characters.
    for x in range(len(s) - 1, 1, -1):
        if s[:x] in _LEGACY:
            return _LEGACY[s[:x]] + s[x:]
    return '&' + s


_charref = _re.compile(r'&(#[0-9]+;?'
                       r'|#[xX][0-9a-fA-F]+;?'
                       r'|[^\t\n\f <&#;]{1,32};?)')


def unescape(s):
    """[s] with character references (&gt;, &#62;, &#x3e;) replaced."""
    if '&' not in s:
        return s
    return _charref.sub(_replace_charref, s)
