"""Taking URLs apart, putting them back together, and percent-encoding.

Design notes
------------
Covered: urlsplit/urlparse and their inverses, urljoin, urldefrag, the
query-string readers parse_qs/parse_qsl, urlencode, quote/unquote in all
their variants, and unwrap (urllib.request uses it).  Left out: the
deprecated split*() helpers, Unicode NFKC checks on the network location
(gilpy has no normaliser), and the parse cache (clear_cache is a no-op kept
for callers that invoke it).

Every public function works on str; bytes are accepted by decoding them as
ASCII on the way in and encoding the answer on the way out.  _as_text()
does that once per call and hands back the function that restores the
caller's type, so the algorithms themselves only ever see str.

A URL is read left to right in one pass: scheme up to the first ':' (if
it looks like one), network location after '//' up to the first '/', '?' or
'#', then fragment and query are cut from the right.  The network location
is only validated for brackets here; user, password, host and port are
worked out lazily by properties of the result tuples, which hold the text
exactly as given.

Quoting goes through bytes: the text is encoded (UTF-8 unless told
otherwise) and each byte that is neither always safe nor in `safe` becomes
%XX.  Per-`safe` lookup tables are cached because callers tend to reuse a
handful of them.  Unquoting decodes each ASCII stretch holding escapes as a
whole, so multi-byte sequences spelled as several escapes come back as one
character.
"""

from collections import namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag",
           "urlsplit", "urlunsplit", "urlencode", "parse_qs",
           "parse_qsl", "quote", "quote_plus", "quote_from_bytes",
           "unquote", "unquote_plus", "unquote_to_bytes",
           "DefragResult", "ParseResult", "SplitResult",
           "DefragResultBytes", "ParseResultBytes", "SplitResultBytes"]

# Which schemes take part in relative resolution, carry a //netloc, use
# ;params, and so on.  These lists are public and callers may extend them.
uses_relative = ["", "ftp", "http", "gopher", "nntp", "imap", "wais", "file",
                 "https", "shttp", "mms", "prospero", "rtsp", "rtsps", "rtspu",
                 "sftp", "svn", "svn+ssh", "ws", "wss"]
uses_netloc = ["", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais",
               "file", "mms", "https", "shttp", "snews", "prospero", "rtsp",
               "rtsps", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs",
               "git", "git+ssh", "ws", "wss"]
uses_params = ["", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp",
               "rtsp", "rtsps", "rtspu", "sip", "sips", "mms", "sftp", "tel"]
non_hierarchical = ["gopher", "hdl", "mailto", "news", "telnet", "wais",
                    "imap", "snews", "sip", "sips"]
uses_query = ["", "http", "wais", "imap", "https", "shttp", "mms", "gopher",
              "rtsp", "rtsps", "rtspu", "sip", "sips"]
uses_fragment = ["", "ftp", "hdl", "http", "gopher", "news", "nntp", "wais",
                 "https", "shttp", "snews", "file", "prospero"]

_LOWER = "abcdefghijklmnopqrstuvwxyz"
scheme_chars = _LOWER + _LOWER.upper() + "0123456789" + "+-."

MAX_CACHE_SIZE = 20

# Characters stripped from the front of a URL (C0 controls and space), and
# the ones deleted wherever they appear (browsers ignore them too).
_LEADING_JUNK = "".join(map(chr, range(33)))
_DROPPED = ("\t", "\r", "\n")


def clear_cache():
    """Nothing is cached between calls; kept for compatibility."""


# ---------------------------------------------------------------------------
# str/bytes handling

def _same(value):
    return value


def _to_ascii_bytes(value):
    return value.encode("ascii", "strict")


def _as_text(*args):
    """Return the arguments as str plus a function restoring the input type.

    The first argument decides the type; any other non-empty argument has
    to agree with it."""
    textual = isinstance(args[0], str)
    for other in args[1:]:
        if other and isinstance(other, str) != textual:
            raise TypeError("Cannot mix str and non-str arguments")
    if textual:
        return args + (_same,)
    decoded = tuple(arg.decode("ascii", "strict") if arg else "" for arg in args)
    return decoded + (_to_ascii_bytes,)


# ---------------------------------------------------------------------------
# Result tuples

class _TextResult:
    __slots__ = ()

    def encode(self, encoding="ascii", errors="strict"):
        return self._other_kind(*[part.encode(encoding, errors) for part in self])


class _BytesResult:
    __slots__ = ()

    def decode(self, encoding="ascii", errors="strict"):
        return self._other_kind(*[part.decode(encoding, errors) for part in self])


class _Authority:
    """Read-only views of the pieces of self.netloc."""

    __slots__ = ()

    def _symbols(self):
        # '@', ':', '[', ']' in the type of the tuple's contents.
        if isinstance(self.netloc, str):
            return "@", ":", "[", "]"
        return b"@", b":", b"[", b"]"

    def _credentials(self):
        at, colon = self._symbols()[:2]
        userinfo, found, _ = self.netloc.rpartition(at)
        if not found:
            return None, None
        user, has_password, password = userinfo.partition(colon)
        return user, (password if has_password else None)

    def _host_and_port(self):
        at, colon, opening, closing = self._symbols()
        hostpart = self.netloc.rpartition(at)[2]
        before, bracketed, inside = hostpart.partition(opening)
        if bracketed:
            host, _, after = inside.partition(closing)
            port = after.partition(colon)[2]
        else:
            host, _, port = hostpart.partition(colon)
        return host, (port or None)

    @property
    def username(self):
        return self._credentials()[0]

    @property
    def password(self):
        return self._credentials()[1]

    @property
    def hostname(self):
        host = self._host_and_port()[0]
        if not host:
            return None
        # Host names are case-insensitive, an IPv6 zone id after '%' is not.
        percent = "%" if isinstance(host, str) else b"%"
        name, sep, zone = host.partition(percent)
        return name.lower() + sep + zone

    @property
    def port(self):
        text = self._host_and_port()[1]
        if text is None:
            return None
        if not (text.isascii() and text.isdigit()):
            raise ValueError(f"Port could not be cast to integer value as {text!r}")
        number = int(text)
        if number > 65535:
            raise ValueError("Port out of range 0-65535")
        return number

    # Subscripting a result class (as in type hints) gives the class back.
    __class_getitem__ = classmethod(lambda cls, item: cls)


_DefragFields = namedtuple("DefragResult", "url fragment")
_SplitFields = namedtuple("SplitResult", "scheme netloc path query fragment")
_ParseFields = namedtuple("ParseResult", "scheme netloc path params query fragment")


def _join_fragment(url, fragment):
    if not fragment:
        return url
    return url + ("#" if isinstance(url, str) else b"#") + fragment


class DefragResult(_DefragFields, _TextResult):
    __slots__ = ()

    def geturl(self):
        return _join_fragment(self.url, self.fragment)


class DefragResultBytes(_DefragFields, _BytesResult):
    __slots__ = ()

    def geturl(self):
        return _join_fragment(self.url, self.fragment)


class SplitResult(_SplitFields, _Authority, _TextResult):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class SplitResultBytes(_SplitFields, _Authority, _BytesResult):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_ParseFields, _Authority, _TextResult):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class ParseResultBytes(_ParseFields, _Authority, _BytesResult):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


for _text_kind, _bytes_kind in ((DefragResult, DefragResultBytes),
                                (SplitResult, SplitResultBytes),
                                (ParseResult, ParseResultBytes)):
    _text_kind._other_kind = _bytes_kind
    _bytes_kind._other_kind = _text_kind
del _text_kind, _bytes_kind


def _restore(result, back):
    # Result tuples of text become their bytes twins when the caller
    # passed bytes; _same leaves everything alone.
    if back is _same:
        return result
    if isinstance(result, _TextResult):
        return result.encode("ascii", "strict")
    return back(result)


# ---------------------------------------------------------------------------
# Host literal checks for '[...]' in a network location

_HEX = "0123456789abcdefABCDEF"


def _dotted_quad(text):
    pieces = text.split(".")
    if len(pieces) != 4:
        return False
    for piece in pieces:
        if not (1 <= len(piece) <= 3 and piece.isascii() and piece.isdigit()):
            return False
        if piece[0] == "0" and len(piece) > 1:
            return False
        if int(piece) > 255:
            return False
    return True


def _hex_group(text):
    return 1 <= len(text) <= 4 and all(ch in _HEX for ch in text)


def _ipv6_literal(text):
    address, percent, zone = text.partition("%")
    if percent and (not zone or "%" in zone):
        return False
    groups_wanted = 8
    if "." in address:
        # A dotted IPv4 tail stands for the last two groups.
        address, _, tail = address.rpartition(":")
        if not _dotted_quad(tail):
            return False
        if address.endswith(":"):
            address += ":"       # the colon taken off belonged to a '::'
        groups_wanted = 6
    halves = address.split("::")
    if len(halves) > 2:
        return False
    groups = [group for half in halves if half for group in half.split(":")]
    if not all(_hex_group(group) for group in groups):
        return False
    if len(halves) == 2:
        return len(groups) < groups_wanted
    return len(groups) == groups_wanted


def _check_bracketed(host):
    if host[:1] == "v":
        version, dot, rest = host[1:].partition(".")
        if not (version and dot and rest and all(ch in _HEX for ch in version)):
            raise ValueError("IPvFuture address is invalid")
        return
    if _dotted_quad(host):
        raise ValueError("An IPv4 address cannot be in brackets")
    if not _ipv6_literal(host):
        raise ValueError(f"{host!r} does not appear to be an IPv4 or IPv6 address")


# ---------------------------------------------------------------------------
# Splitting

def _scheme_end(url):
    """Index of the ':' ending a scheme at the start of [url], or -1."""
    colon = url.find(":")
    if colon <= 0 or not (url[0].isascii() and url[0].isalpha()):
        return -1
    for ch in url[:colon]:
        if ch not in scheme_chars:
            return -1
    return colon


def _cut_authority(rest):
    # The authority runs from after '//' to the first '/', '?' or '#'.
    end = len(rest)
    for stop in "/?#":
        found = rest.find(stop, 2)
        if 0 <= found < end:
            end = found
    return rest[2:end], rest[end:]


def urlsplit(url, scheme='', allow_fragments=True):
    """Split [url] into a SplitResult(scheme, netloc, path, query, fragment)."""
    url, scheme, back = _as_text(url, scheme)
    url = url.lstrip(_LEADING_JUNK)
    scheme = scheme.strip(_LEADING_JUNK)
    for junk in _DROPPED:
        url = url.replace(junk, "")
        scheme = scheme.replace(junk, "")
    colon = _scheme_end(url)
    if colon > 0:
        scheme = url[:colon].lower()
        url = url[colon + 1:]
    netloc = query = fragment = ""
    if url.startswith("//"):
        netloc, url = _cut_authority(url)
        opening, closing = "[" in netloc, "]" in netloc
        if opening != closing:
            raise ValueError("Invalid IPv6 URL")
        if opening:
            _check_bracketed(netloc.partition("[")[2].partition("]")[0])
    if allow_fragments:
        url, _, fragment = url.partition("#")
    url, _, query = url.partition("?")
    return _restore(SplitResult(scheme, netloc, url, query, fragment), back)


def _cut_params(path):
    # Parameters hang off the last path segment only.
    semicolon = path.find(";", path.rfind("/") + 1)
    if semicolon < 0:
        return path, ""
    return path[:semicolon], path[semicolon + 1:]


def urlparse(url, scheme='', allow_fragments=True):
    """Like urlsplit, with ;params of the last path segment split off."""
    url, scheme, back = _as_text(url, scheme)
    parts = urlsplit(url, scheme, allow_fragments)
    path, params = parts.path, ""
    if parts.scheme in uses_params and ";" in path:
        path, params = _cut_params(path)
    result = ParseResult(parts.scheme, parts.netloc, path, params, parts.query, parts.fragment)
    return _restore(result, back)


def urlunsplit(components):
    """Reassemble a 5-item urlsplit() result into a URL."""
    scheme, netloc, path, query, fragment = components
    scheme, netloc, path, query, fragment, back = _as_text(scheme, netloc, path, query, fragment)
    wants_authority = scheme and scheme in uses_netloc and not path.startswith("//")
    if netloc or wants_authority:
        if path and not path.startswith("/"):
            path = "/" + path
        path = "//" + (netloc or "") + path
    text = path
    if scheme:
        text = scheme + ":" + text
    if query:
        text += "?" + query
    if fragment:
        text += "#" + fragment
    return back(text)


def urlunparse(components):
    """Reassemble a 6-item urlparse() result into a URL."""
    scheme, netloc, path, params, query, fragment = components
    scheme, netloc, path, params, query, fragment, back = _as_text(
        scheme, netloc, path, params, query, fragment)
    if params:
        path = path + ";" + params
    return back(urlunsplit((scheme, netloc, path, query, fragment)))


def urldefrag(url):
    """Split off the fragment: DefragResult(url without it, fragment)."""
    url, back = _as_text(url)
    if "#" not in url:
        return _restore(DefragResult(url, ""), back)
    parts = urlparse(url)
    bare = urlunparse(parts._replace(fragment=""))
    return _restore(DefragResult(bare, parts.fragment), back)


# ---------------------------------------------------------------------------
# Joining (RFC 3986 section 5, with the leniencies CPython has)

def _merge_segments(base_path, path):
    if path.startswith("/"):
        return path.split("/")
    directory = base_path.split("/")
    if directory[-1]:
        directory.pop()          # the base ends in a file name, not a folder
    merged = directory + path.split("/")
    # Doubled slashes inside the merged path collapse; the first and last
    # entries stay, because they mark a leading or trailing '/'.
    if len(merged) > 2:
        merged = merged[:1] + [seg for seg in merged[1:-1] if seg] + merged[-1:]
    return merged


def _drop_dot_segments(segments):
    kept = []
    for seg in segments:
        if seg == "..":
            if kept:
                kept.pop()
        elif seg != ".":
            kept.append(seg)
    if segments[-1] in (".", ".."):
        kept.append("")          # a trailing dot names a directory
    return "/".join(kept) or "/"


def urljoin(base, url, allow_fragments=True):
    """Resolve [url] relative to [base]."""
    if not base:
        return url
    if not url:
        return base
    base, url, back = _as_text(base, url)
    home = urlparse(base, "", allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, home.scheme, allow_fragments)
    if scheme != home.scheme or scheme not in uses_relative:
        return back(url)
    if scheme in uses_netloc:
        if netloc:
            return back(urlunparse((scheme, netloc, path, params, query, fragment)))
        netloc = home.netloc
    if not path and not params:
        joined = (scheme, netloc, home.path, home.params, query or home.query, fragment)
        return back(urlunparse(joined))
    path = _drop_dot_segments(_merge_segments(home.path, path))
    return back(urlunparse((scheme, netloc, path, params, query, fragment)))


# ---------------------------------------------------------------------------
# Unquoting

_BYTE_OF_HEX = {}
for _high in _HEX:
    for _low in _HEX:
        _BYTE_OF_HEX[(_high + _low).encode()] = bytes([int(_high + _low, 16)])
del _high, _low


def unquote_to_bytes(string):
    """Decode %XX escapes into raw bytes; str input is UTF-8 encoded first."""
    if not string:
        string.split            # only str and bytes may be empty here
        return b""
    if isinstance(string, str):
        string = string.encode("utf-8")
    pieces = string.split(b"%")
    if len(pieces) == 1:
        return bytes(string)
    out = [pieces[0]]
    for piece in pieces[1:]:
        byte = _BYTE_OF_HEX.get(piece[:2])
        if byte is None:
            out.append(b"%" + piece)
        else:
            out.append(byte + piece[2:])
    return b"".join(out)


def unquote(string, encoding='utf-8', errors='replace'):
    """Decode %XX escapes in [string]; escaped bytes are decoded with
    [encoding] and [errors]."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if "%" not in string:
        string.split
        return string
    encoding = encoding or "utf-8"
    errors = errors or "replace"
    if string.isascii():
        return unquote_to_bytes(string).decode(encoding, errors)
    out = []
    start = 0
    size = len(string)
    while start < size:
        # Alternate between a stretch of non-ASCII text, kept as it is, and
        # a stretch of ASCII, whose escapes are decoded together.
        end = start
        ascii_run = string[start] < "\x80"
        while end < size and (string[end] < "\x80") == ascii_run:
            end += 1
        chunk = string[start:end]
        if ascii_run and "%" in chunk:
            chunk = unquote_to_bytes(chunk).decode(encoding, errors)
        out.append(chunk)
        start = end
    return "".join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """unquote() for form data, where '+' stands for a space."""
    return unquote(string.replace("+", " "), encoding, errors)


# ---------------------------------------------------------------------------
# Query strings

def parse_qs(qs, keep_blank_values=False, strict_parsing=False,
             encoding='utf-8', errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into {name: [value, ...]}."""
    grouped = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding=encoding,
                                 errors=errors, max_num_fields=max_num_fields,
                                 separator=separator):
        grouped.setdefault(name, []).append(value)
    return grouped


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False,
              encoding='utf-8', errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a list of (name, value) pairs."""
    qs, back = _as_text(qs)
    separator = _as_text(separator)[0]
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if not qs:
        fields = []
    else:
        fields = qs.split(separator)
    # Counting before decoding anything keeps a hostile query cheap.
    if max_num_fields is not None and len(fields) > max_num_fields:
        raise ValueError('Max number of fields exceeded')
    pairs = []
    for field in fields:
        if not field and not strict_parsing:
            continue
        name, has_value, value = field.partition("=")
        if not has_value:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
        if not value and not keep_blank_values:
            continue
        name = unquote(name.replace("+", " "), encoding=encoding, errors=errors)
        value = unquote(value.replace("+", " "), encoding=encoding, errors=errors)
        pairs.append((back(name), back(value)))
    return pairs


# ---------------------------------------------------------------------------
# Quoting

_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_escape_tables = {}


def _escape_table(safe):
    """For the bytes in [safe] (a bytes object), a list mapping every byte
    value to the text it quotes to."""
    table = _escape_tables.get(safe)
    if table is None:
        keep = _UNRESERVED | set(safe)
        table = [chr(value) if value in keep else "%%%02X" % value for value in range(256)]
        if len(_escape_tables) >= 64:
            _escape_tables.clear()
        _escape_tables[safe] = table
    return table


def quote_from_bytes(bs, safe='/'):
    """Percent-encode the bytes [bs], leaving [safe] ASCII characters alone."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ""
    if isinstance(safe, str):
        safe = safe.encode("ascii", "ignore")
    else:
        safe = bytes(value for value in safe if value < 128)
    table = _escape_table(safe)
    return "".join([table[value] for value in bs])


def quote(string, safe='/', encoding=None, errors=None):
    """Percent-encode [string] for a URL; letters, digits, '_.-~' and the
    characters in [safe] stay as they are."""
    if isinstance(string, str):
        if not string:
            return string
        string = string.encode(encoding or "utf-8", errors or "strict")
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """quote() for form data: spaces become '+'."""
    space = " " if isinstance(string, str) else b" "
    if space not in string:
        return quote(string, safe, encoding, errors)
    extra = " " if isinstance(safe, str) else b" "
    return quote(string, safe + extra, encoding, errors).replace(" ", "+")


def urlencode(query, doseq=False, safe='', encoding=None, errors=None,
              quote_via=quote_plus):
    """Turn a mapping or a sequence of pairs into 'k=v&k2=v2'.  With
    [doseq], a sequence value yields one pair per element."""
    if hasattr(query, "items"):
        pairs = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence "
                            "or mapping object") from err
        pairs = query

    def encoded(item):
        if isinstance(item, bytes):
            return quote_via(item, safe)
        return quote_via(str(item), safe, encoding, errors)

    out = []
    for key, value in pairs:
        key = encoded(key)
        if not doseq or isinstance(value, (str, bytes)):
            out.append(key + "=" + encoded(value))
            continue
        try:
            len(value)
        except TypeError:
            out.append(key + "=" + encoded(value))
            continue
        for element in value:
            out.append(key + "=" + encoded(element))
    return "&".join(out)


def unwrap(url):
    """Remove '<...>' and a leading 'URL:' from [url]."""
    url = str(url).strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1].strip()
    if url.startswith("URL:"):
        url = url[4:].strip()
    return url
