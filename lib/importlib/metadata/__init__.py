"""importlib.metadata: what installed distributions say about themselves.

Design notes
------------
A distribution is found as a `<name>-<version>.dist-info` (or `.egg-info`)
directory on sys.path, whose METADATA (or PKG-INFO) file is an RFC 822 style
header block. gilpy ships no installed distributions, so normally every
lookup raises PackageNotFoundError; a program that lays out a dist-info
directory itself still gets its version, metadata and requirements. Names
are compared after PEP 503 normalisation (case folded, runs of -_. as one).
Entry points are parsed from entry_points.txt when present.
"""

import os
import re
import sys

__all__ = [
    'Distribution', 'DistributionFinder', 'PackageMetadata', 'PackageNotFoundError',
    'EntryPoint', 'EntryPoints', 'distribution', 'distributions', 'entry_points',
    'files', 'metadata', 'packages_distributions', 'requires', 'version',
]


class PackageNotFoundError(ModuleNotFoundError):
    """No distribution of this name is installed."""

    def __str__(self):
        return f'No package metadata was found for {self.name}'

    @property
    def name(self):
        (name,) = self.args
        return name


def _normalize(name):
    return re.sub(r'[-_.]+', '-', name).lower()


class PackageMetadata:
    """The header fields of a METADATA file; a field may repeat."""

    def __init__(self, text):
        self._items = []
        body = []
        in_body = False
        for line in text.splitlines():
            if in_body:
                body.append(line)
            elif not line.strip():
                in_body = True
            elif line[:1] in (' ', '\t') and self._items:
                key, value = self._items[-1]
                self._items[-1] = (key, value + '\n' + line.strip())
            elif ':' in line:
                key, _, value = line.partition(':')
                self._items.append((key.strip(), value.strip()))
        self._body = '\n'.join(body)

    def __getitem__(self, key):
        for k, v in self._items:
            if k.lower() == key.lower():
                return v
        return None

    def get(self, key, default=None):
        value = self[key]
        return default if value is None else value

    def get_all(self, key, failobj=None):
        found = [v for k, v in self._items if k.lower() == key.lower()]
        return found or failobj

    def __contains__(self, key):
        return any(k.lower() == key.lower() for k, _ in self._items)

    def __iter__(self):
        return iter([k for k, _ in self._items])

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [k for k, _ in self._items]

    def items(self):
        return list(self._items)

    def get_payload(self):
        return self._body

    @property
    def json(self):
        result = {}
        for key, value in self._items:
            slot = key.lower().replace('-', '_')
            if key.lower() in ('classifier', 'requires-dist', 'provides-extra',
                               'project-url', 'platform', 'dynamic'):
                result.setdefault(slot, []).append(value)
            else:
                result[slot] = value
        return result


class EntryPoint:
    """One `name = module:attr [extras]` line of entry_points.txt."""

    def __init__(self, name, value, group):
        self.name = name
        self.value = value
        self.group = group

    @property
    def module(self):
        return self.value.partition(':')[0].strip()

    @property
    def attr(self):
        rest = self.value.partition(':')[2]
        return rest.partition('[')[0].strip() or None

    @property
    def extras(self):
        inside = self.value.partition('[')[2].partition(']')[0]
        return [e.strip() for e in inside.split(',') if e.strip()]

    def load(self):
        import importlib
        obj = importlib.import_module(self.module)
        for part in (self.attr or '').split('.'):
            if part:
                obj = getattr(obj, part)
        return obj

    def matches(self, **params):
        return all(getattr(self, k) == v for k, v in params.items())

    def __eq__(self, other):
        if not isinstance(other, EntryPoint):
            return NotImplemented
        return (self.name, self.value, self.group) == (other.name, other.value, other.group)

    def __hash__(self):
        return hash((self.name, self.value, self.group))

    def __repr__(self):
        return f'EntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})'


class EntryPoints(tuple):
    """An immutable collection of entry points, selectable by attribute."""

    def __getitem__(self, name):
        if isinstance(name, int):
            return tuple.__getitem__(self, name)
        for ep in self:
            if ep.name == name:
                return ep
        raise KeyError(name)

    def select(self, **params):
        return EntryPoints(ep for ep in self if ep.matches(**params))

    @property
    def names(self):
        return {ep.name for ep in self}

    @property
    def groups(self):
        return {ep.group for ep in self}

    def __repr__(self):
        return f'EntryPoints({tuple.__repr__(self)})'


class Distribution:
    """An installed distribution: its metadata files read on demand."""

    def __init__(self, path):
        self._path = path

    @classmethod
    def from_name(cls, name):
        if not name:
            raise ValueError('A distribution name is required.')
        for dist in _all_distributions():
            if _normalize(dist.name or '') == _normalize(name):
                return dist
        raise PackageNotFoundError(name)

    @classmethod
    def discover(cls, **kwargs):
        name = kwargs.get('name')
        return (d for d in _all_distributions()
                if name is None or _normalize(d.name or '') == _normalize(name))

    @staticmethod
    def at(path):
        return Distribution(os.fspath(path))

    def read_text(self, filename):
        try:
            with open(os.path.join(self._path, filename), encoding='utf-8') as f:
                return f.read()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None

    def locate_file(self, path):
        return os.path.join(os.path.dirname(self._path), path)

    @property
    def metadata(self):
        text = self.read_text('METADATA') or self.read_text('PKG-INFO') or ''
        return PackageMetadata(text)

    @property
    def name(self):
        return self.metadata['Name']

    @property
    def version(self):
        return self.metadata['Version']

    @property
    def entry_points(self):
        text = self.read_text('entry_points.txt') or ''
        found = []
        group = None
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith(('#', ';')):
                continue
            if line.startswith('[') and line.endswith(']'):
                group = line[1:-1].strip()
            elif '=' in line and group is not None:
                key, _, value = line.partition('=')
                found.append(EntryPoint(key.strip(), value.strip(), group))
        return EntryPoints(found)

    @property
    def files(self):
        text = self.read_text('RECORD')
        if text is None:
            return None
        return [line.split(',')[0] for line in text.splitlines() if line.strip()]

    @property
    def requires(self):
        return self.metadata.get_all('Requires-Dist')


class DistributionFinder:
    """Finds distributions; see Distribution.discover()."""

    class Context:
        def __init__(self, **kwargs):
            self.name = kwargs.get('name')
            self.path = kwargs.get('path', sys.path)

    def find_distributions(self, context=None):
        return iter(())


def _all_distributions():
    for entry in sys.path:
        directory = entry or '.'
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue
        for leaf in names:
            if leaf.endswith(('.dist-info', '.egg-info')):
                path = os.path.join(directory, leaf)
                if os.path.isdir(path):
                    yield Distribution(path)


def distribution(distribution_name):
    """The Distribution called [distribution_name]."""
    return Distribution.from_name(distribution_name)


def distributions(**kwargs):
    """Every installed distribution."""
    return Distribution.discover(**kwargs)


def metadata(distribution_name):
    """The metadata headers of [distribution_name]."""
    return Distribution.from_name(distribution_name).metadata


def version(distribution_name):
    """The version string of [distribution_name]."""
    return Distribution.from_name(distribution_name).version


def requires(distribution_name):
    """The requirements [distribution_name] declares, or None."""
    return Distribution.from_name(distribution_name).requires


def files(distribution_name):
    """The files [distribution_name] installed, from its RECORD."""
    return Distribution.from_name(distribution_name).files


def entry_points(**params):
    """Entry points of every distribution, narrowed by select() parameters."""
    found = []
    seen = set()
    for dist in distributions():
        key = _normalize(dist.name or '')
        if key in seen:
            continue
        seen.add(key)
        found.extend(dist.entry_points)
    return EntryPoints(found).select(**params)


def packages_distributions():
    """Top-level importable names mapped to the distributions providing them."""
    mapping = {}
    for dist in distributions():
        text = dist.read_text('top_level.txt') or ''
        for pkg in text.split():
            mapping.setdefault(pkg, []).append(dist.name)
    return mapping
