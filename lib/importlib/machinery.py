"""importlib.machinery: the finders, loaders and spec class of the import
system, and the file suffixes it knows.

Design notes
------------
Everything here is defined in importlib._bootstrap and only re-exported.
gilpy runs `.py` sources alone, so EXTENSION_SUFFIXES is empty and the
bytecode and extension loaders exist for isinstance checks and names, and
raise ImportError when asked to run anything.
"""

from ._bootstrap import (
    ModuleSpec, BuiltinImporter, FrozenImporter, PathFinder, FileFinder,
    FileLoader, SourceFileLoader, SourcelessFileLoader, ExtensionFileLoader,
    SOURCE_SUFFIXES, BYTECODE_SUFFIXES, DEBUG_BYTECODE_SUFFIXES,
    OPTIMIZED_BYTECODE_SUFFIXES, EXTENSION_SUFFIXES, all_suffixes,
)


class WindowsRegistryFinder:
    """Present for completeness; there is no registry to search on Linux."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None


class NamespaceLoader:
    """Loader of a namespace package: nothing to run, only a __path__."""

    def __init__(self, name, path, path_finder):
        self._name = name
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def get_code(self, fullname):
        return compile('', '<string>', 'exec', dont_inherit=True)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass
