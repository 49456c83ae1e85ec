"""The small data types aiohttp borrows from multidict and yarl.

CIMultiDict keeps (name, value) pairs in arrival order, allows repeated
names and compares names case-insensitively: response headers. URL is a
minimal yarl.URL: an immutable parsed URL whose str() is the URL text, with
the attributes scripts use (scheme, host, port, path, query_string, query,
name, parent) and join()/with_query()/with_path()/`/`.
"""

from urllib.parse import urlsplit, urlunsplit, urljoin, urlencode, parse_qsl, quote

__all__ = ('CIMultiDict', 'CIMultiDictProxy', 'MultiDict', 'URL')

_MISSING = object()


class MultiDict:
    """Ordered pairs with repeatable keys.

    Beside the pairs it keeps each key folded (lower-cased for the
    case-insensitive kind) in a parallel list, so that a lookup is one
    list search in C rather than a fold per stored key: a response's
    headers are looked up several times per request.
    """

    @staticmethod
    def _fold(key):
        return key

    def __init__(self, *args, **kwargs):
        self._items = []
        self._folded = []
        if args:
            self.extend(args[0])
        if kwargs:
            self.extend(kwargs)

    @classmethod
    def _of(cls, items, folded):
        """One made from pairs and their folded keys as they stand (the
        header parser folds while it splits)."""
        self = cls.__new__(cls)
        self._items = items
        self._folded = folded
        return self

    def _set_items(self, pairs):
        fold = self._fold
        self._items = pairs
        self._folded = [fold(k) for k, _ in pairs]

    def extend(self, other):
        if hasattr(other, 'items'):
            other = other.items()
        fold = self._fold
        for key, value in other:
            self._items.append((key, value))
            self._folded.append(fold(key))

    def add(self, key, value):
        self._items.append((key, value))
        self._folded.append(self._fold(key))

    def _positions(self, key):
        folded = self._fold(key)
        return [i for i, k in enumerate(self._folded) if k == folded]

    def getall(self, key, default=_MISSING):
        values = [self._items[i][1] for i in self._positions(key)]
        if values:
            return values
        if default is not _MISSING:
            return default
        raise KeyError(key)

    def getone(self, key, default=_MISSING):
        try:
            return self._items[self._folded.index(self._fold(key))][1]
        except ValueError:
            pass
        if default is not _MISSING:
            return default
        raise KeyError(key)

    def get(self, key, default=None):
        return self.getone(key, default)

    def __getitem__(self, key):
        return self.getone(key)

    def _without(self, folded):
        return [pair for pair, k in zip(self._items, self._folded) if k != folded]

    def __setitem__(self, key, value):
        folded = self._fold(key)
        if folded in self._folded:
            self._set_items(self._without(folded))
        self._items.append((key, value))
        self._folded.append(folded)

    def __delitem__(self, key):
        folded = self._fold(key)
        if folded not in self._folded:
            raise KeyError(key)
        self._set_items(self._without(folded))

    def setdefault(self, key, default=None):
        value = self.getone(key, _MISSING)
        if value is _MISSING:
            self.add(key, default)
            return default
        return value

    def popone(self, key, default=_MISSING):
        try:
            i = self._folded.index(self._fold(key))
        except ValueError:
            if default is not _MISSING:
                return default
            raise KeyError(key) from None
        del self._folded[i]
        return self._items.pop(i)[1]

    pop = popone

    def update(self, other=(), **kwargs):
        if hasattr(other, 'items'):
            other = other.items()
        for key, value in list(other) + list(kwargs.items()):
            self[key] = value

    def __contains__(self, key):
        return self._fold(key) in self._folded

    def __iter__(self):
        return iter([k for k, _ in self._items])

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [k for k, _ in self._items]

    def values(self):
        return [v for _, v in self._items]

    def items(self):
        return list(self._items)

    def copy(self):
        return type(self)(self._items)

    def __eq__(self, other):
        if isinstance(other, MultiDict):
            return self._items == other._items
        if hasattr(other, 'items'):
            return dict(self._items) == dict(other.items()) and len(self) == len(other)
        return NotImplemented

    def __repr__(self):
        body = ', '.join('%r: %r' % (k, v) for k, v in self._items)
        return '<%s(%s)>' % (self.__class__.__name__, body)


class CIMultiDict(MultiDict):
    """A MultiDict whose keys compare case-insensitively."""

    @staticmethod
    def _fold(key):
        return key.lower()


class CIMultiDictProxy(CIMultiDict):
    """A read-only view of a CIMultiDict."""

    def __init__(self, source):
        if isinstance(source, CIMultiDict):
            self._items = list(source._items)
            self._folded = list(source._folded)
        else:
            self._set_items(list(source.items()))

    def _read_only(self, *args, **kwargs):
        raise TypeError("'CIMultiDictProxy' object does not support item assignment")

    __setitem__ = __delitem__ = add = extend = update = setdefault = _read_only

    def copy(self):
        return CIMultiDict(self._items)


_RECENT_URLS = {}
_RECENT_URLS_MAX = 256


class URL:
    """An immutable URL; str() gives its text."""

    __slots__ = ('_text', '_parts', '_hostname', '_port')

    def __init__(self, value='', *, encoded=False):
        if isinstance(value, URL):
            value = value._text
        if not isinstance(value, str):
            raise TypeError('Constructor parameter should be str')
        # A client fetches the same URLs over and over: the quoted text and
        # its split parts (immutable both) are kept for recent ones.
        parsed = _RECENT_URLS.get((value, encoded))
        if parsed is None:
            text = value if encoded else quote(value, safe="!#$%&'()*+,/:;=?@[]~")
            parsed = (text, urlsplit(text))
            if len(_RECENT_URLS) >= _RECENT_URLS_MAX:
                _RECENT_URLS.clear()
            _RECENT_URLS[(value, encoded)] = parsed
        self._text, self._parts = parsed
        self._hostname = self._port = _MISSING

    @property
    def _split_port(self):
        # SplitResult.port parses (and may reject) the port on every access.
        if self._port is _MISSING:
            self._port = self._parts.port
        return self._port

    def __str__(self):
        return self._text

    def __repr__(self):
        return "URL('%s')" % self._text

    def __eq__(self, other):
        if isinstance(other, URL):
            return self._text == other._text
        return NotImplemented

    def __hash__(self):
        return hash(self._text)

    def __truediv__(self, name):
        path = self._parts.path.rstrip('/') + '/' + name
        return URL(urlunsplit((self._parts.scheme, self._parts.netloc, path, '', '')),
                   encoded=True)

    def is_absolute(self):
        return bool(self._parts.netloc)

    @property
    def scheme(self):
        return self._parts.scheme

    @property
    def host(self):
        if self._hostname is _MISSING:
            self._hostname = self._parts.hostname
        return self._hostname

    raw_host = host

    @property
    def port(self):
        port = self._split_port
        if port is None:
            return {'http': 80, 'https': 443}.get(self._parts.scheme)
        return port

    @property
    def explicit_port(self):
        return self._split_port

    @property
    def user(self):
        return self._parts.username

    @property
    def password(self):
        return self._parts.password

    @property
    def path(self):
        return self._parts.path or ('/' if self._parts.netloc else '')

    raw_path = path

    @property
    def path_qs(self):
        query = self._parts.query
        return self.path + ('?' + query if query else '')

    raw_path_qs = path_qs

    @property
    def query_string(self):
        return self._parts.query

    raw_query_string = query_string

    @property
    def query(self):
        return MultiDict(parse_qsl(self._parts.query, keep_blank_values=True))

    @property
    def fragment(self):
        return self._parts.fragment

    @property
    def name(self):
        return self.path.rsplit('/', 1)[-1]

    @property
    def parent(self):
        path = self.path.rstrip('/').rsplit('/', 1)[0] or '/'
        return URL(urlunsplit((self._parts.scheme, self._parts.netloc, path, '', '')),
                   encoded=True)

    def join(self, url):
        return URL(urljoin(self._text, str(url)), encoded=True)

    def with_query(self, query=None, **kwargs):
        if query is None and kwargs:
            query = kwargs
        if query is None:
            text = ''
        elif isinstance(query, str):
            text = query
        else:
            text = _encode_query(query)
        p = self._parts
        return URL(urlunsplit((p.scheme, p.netloc, p.path, text, p.fragment)), encoded=True)

    def update_query(self, query):
        if not self._parts.query:
            return self.with_query(query)
        extra = query if isinstance(query, str) else _encode_query(query)
        p = self._parts
        return URL(urlunsplit((p.scheme, p.netloc, p.path, p.query + '&' + extra, p.fragment)),
                   encoded=True)

    def with_path(self, path):
        p = self._parts
        return URL(urlunsplit((p.scheme, p.netloc, path, '', '')))

    def with_fragment(self, fragment):
        p = self._parts
        return URL(urlunsplit((p.scheme, p.netloc, p.path, p.query, fragment or '')),
                   encoded=True)

    def human_repr(self):
        return self._text


def _encode_query(query):
    """yarl's rules: str and int values (bool is refused), mappings or pairs."""
    pairs = query.items() if hasattr(query, 'items') else query
    out = []
    for key, value in pairs:
        if isinstance(value, bool):
            raise TypeError('Invalid variable type: value should be str, int or float, '
                            'got %r of type %s' % (value, type(value)))
        if isinstance(value, (list, tuple)):
            out.extend((key, str(v)) for v in value)
        else:
            out.append((key, str(value)))
    return urlencode(out)
