"""importlib.util: finding a module's spec without importing it, and
building modules from specs by hand.

Design notes
------------
find_spec() follows CPython's rules: a name already in sys.modules answers
with that module's spec (gilpy's own imports leave __spec__ as None, so the
spec is then found afresh), a dotted name imports its parent package first,
and a name nobody can find gives None rather than an error.
"""

import sys

from ._bootstrap import (
    MAGIC_NUMBER, cache_from_source, source_from_cache, decode_source,
    module_from_spec, spec_from_loader, spec_from_file_location,
    _find_spec, _spec_of_loaded, _import_absolute, _resolve_name,
)


def resolve_name(name, package):
    """The absolute name that the relative [name] means inside [package]."""
    if name[:1] != '.':
        # Already absolute: nothing to resolve.
        return name
    if not package:
        raise ImportError(f'no package specified for {name!r} '
                          '(required for relative module names)')
    dots = len(name) - len(name.lstrip('.'))
    return _resolve_name(name[dots:], package, dots)


def find_spec(name, package=None):
    """The spec [name] would be imported from, or None when no finder knows
    it. A relative [name] is resolved against [package]."""
    absolute = resolve_name(name, package)
    loaded = sys.modules.get(absolute, _MISSING)
    if loaded is None:
        return None
    if loaded is not _MISSING:
        return _spec_of_loaded(absolute, loaded, name)
    package_name, _, _ = absolute.rpartition('.')
    if not package_name:
        return _find_spec(absolute, None)
    # A submodule is searched for in its package's __path__, so the package
    # itself has to be imported first, as CPython does.
    package_module = _import_absolute(package_name)
    search = getattr(package_module, '__path__', _MISSING)
    if search is _MISSING:
        raise ModuleNotFoundError(
            f'__path__ attribute not found on {package_name!r} while trying to find '
            f'{absolute!r}', name=absolute)
    return _find_spec(absolute, search)


_MISSING = object()


def source_hash(source_bytes):
    """A 64-bit fingerprint of [source_bytes], eight bytes long."""
    value = 0xcbf29ce484222325
    for byte in bytes(source_bytes):
        value = ((value ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return value.to_bytes(8, 'little')


class LazyLoader:
    """Wraps a loader; gilpy runs the module's body at once rather than on
    the first attribute access, which gives the same values."""

    def __init__(self, loader):
        if getattr(loader, 'exec_module', None) is None:
            problem = 'loader must define exec_module()'
            raise TypeError(problem)
        self.loader = loader

    @classmethod
    def factory(cls, loader):
        """A callable that makes [loader] instances and wraps each one."""
        def make(*args, **kwargs):
            return cls(loader(*args, **kwargs))
        return make

    def create_module(self, spec):
        """Whatever module the wrapped loader creates."""
        return self.loader.create_module(spec)

    def exec_module(self, module):
        """Runs the body through the wrapped loader."""
        self.loader.exec_module(module)
