"""importlib.abc: abstract base classes for finders, loaders and resource
readers.

Design notes
------------
These classes define the protocol a custom finder or loader implements;
each provides the default behaviour CPython documents for it (for example
Loader.create_module() returning None, meaning "make a plain module"). The
concrete classes of importlib.machinery are registered as virtual
subclasses so that isinstance() checks answer as they do in CPython.
"""

import abc

from . import _bootstrap as _b

__all__ = [
    'Loader', 'Finder', 'MetaPathFinder', 'PathEntryFinder',
    'ResourceLoader', 'InspectLoader', 'ExecutionLoader', 'FileLoader',
    'SourceLoader', 'ResourceReader', 'Traversable',
    'TraversableResources',
]


class Loader(metaclass=abc.ABCMeta):
    """Something that can create and run a module for a spec."""

    def create_module(self, spec):
        return None

    def load_module(self, fullname):
        if not hasattr(self, 'exec_module'):
            raise ImportError
        return _b._load(_b.spec_from_loader(fullname, self))

    def module_repr(self, module):
        raise NotImplementedError


class Finder(metaclass=abc.ABCMeta):
    """Legacy common base of the finder classes."""

    @abc.abstractmethod
    def find_module(self, fullname, path=None):
        """Subclasses answer with a loader or None."""
        raise NotImplementedError


class MetaPathFinder(metaclass=abc.ABCMeta):
    """A finder that can sit on sys.meta_path."""

    def find_module(self, fullname, path):
        """The pre-spec protocol: this default finds nothing."""
        return None

    def invalidate_caches(self):
        """Nothing is cached by default, so nothing is forgotten."""


class PathEntryFinder(metaclass=abc.ABCMeta):
    """A finder for one entry of sys.path, made by a path hook."""

    def find_loader(self, fullname):
        """The pre-spec protocol: no loader and no namespace portions."""
        return None, []

    def find_module(self, fullname):
        """The pre-spec protocol: this default finds nothing."""
        return None

    def invalidate_caches(self):
        """Nothing is cached by default, so nothing is forgotten."""


class ResourceLoader(Loader):
    """A loader that can also read data files by path."""

    @abc.abstractmethod
    def get_data(self, path):
        """The bytes of the file at [path]; OSError when unreadable."""
        raise OSError


class InspectLoader(Loader):
    """A loader that can show a module's source and code."""

    def is_package(self, fullname):
        """Whether [fullname] is a package; unknown by default."""
        raise ImportError

    def get_code(self, fullname):
        """The code object compiled from get_source(), or None."""
        text = self.get_source(fullname)
        return None if text is None else self.source_to_code(text)

    @abc.abstractmethod
    def get_source(self, fullname):
        """The module's source text, or None when there is none."""
        raise ImportError

    @staticmethod
    def source_to_code(data, path='<string>'):
        """Compiles [data] (str or bytes) as a module body from [path]."""
        return compile(data, path, 'exec', dont_inherit=True)

    def exec_module(self, module):
        """Runs get_code()'s result in the module's namespace."""
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f'cannot load module {module.__name__!r} when get_code() '
                              'returns None')
        exec(code, module.__dict__)


class ExecutionLoader(InspectLoader):
    """An InspectLoader that knows the file a module comes from."""

    @abc.abstractmethod
    def get_filename(self, fullname):
        """The path of the file the module is run from."""
        raise ImportError

    def get_code(self, fullname):
        """Like InspectLoader.get_code(), naming the file in tracebacks."""
        text = self.get_source(fullname)
        if text is None:
            return None
        try:
            where = self.get_filename(fullname)
        except ImportError:
            where = '<string>'
        return self.source_to_code(text, where)


class FileLoader(_b.FileLoader, ResourceLoader, ExecutionLoader):
    """A loader for one file, with name and path attributes."""


class SourceLoader(ResourceLoader, ExecutionLoader):
    """A loader built on get_data() and get_filename()."""

    def path_mtime(self, path):
        """The modification time of [path]; OSError when unknown."""
        raise OSError

    def path_stats(self, path):
        """Metadata about [path]: at least its 'mtime'."""
        return dict(mtime=self.path_mtime(path))

    def set_data(self, path, data):
        """Would write a bytecode cache; gilpy keeps none, so it does not."""

    def get_source(self, fullname):
        """The decoded text of the module's file."""
        try:
            data = self.get_data(self.get_filename(fullname))
        except OSError as exc:
            raise ImportError('source not available through get_data()',
                              name=fullname) from exc
        return _b.decode_source(data)

    def is_package(self, fullname):
        """True for an __init__ file, which is how packages are written."""
        import os
        stem = os.path.split(self.get_filename(fullname))[1].rpartition('.')[0]
        return stem == '__init__' and fullname.rpartition('.')[2] != '__init__'


class ResourceReader(metaclass=abc.ABCMeta):
    """Reads the data files that ship inside a package."""

    @abc.abstractmethod
    def open_resource(self, resource):
        raise FileNotFoundError

    @abc.abstractmethod
    def resource_path(self, resource):
        raise FileNotFoundError

    @abc.abstractmethod
    def is_resource(self, path):
        raise FileNotFoundError

    @abc.abstractmethod
    def contents(self):
        return iter([])


class Traversable(metaclass=abc.ABCMeta):
    """A path-like view of a resource container (pathlib.Path fits)."""

    @abc.abstractmethod
    def iterdir(self):
        pass

    def read_bytes(self):
        with self.open('rb') as f:
            return f.read()

    def read_text(self, encoding=None):
        with self.open(encoding=encoding) as f:
            return f.read()

    @abc.abstractmethod
    def is_dir(self):
        pass

    @abc.abstractmethod
    def is_file(self):
        pass

    @abc.abstractmethod
    def joinpath(self, *descendants):
        pass

    def __truediv__(self, child):
        return self.joinpath(child)

    @abc.abstractmethod
    def open(self, mode='r', *args, **kwargs):
        pass

    @property
    @abc.abstractmethod
    def name(self):
        pass


class TraversableResources(ResourceReader):
    """A ResourceReader answered through a Traversable from files()."""

    @abc.abstractmethod
    def files(self):
        pass

    def open_resource(self, resource):
        return self.files().joinpath(resource).open('rb')

    def resource_path(self, resource):
        raise FileNotFoundError(resource)

    def is_resource(self, path):
        return self.files().joinpath(path).is_file()

    def contents(self):
        return (item.name for item in self.files().iterdir())


for _finder in (_b.BuiltinImporter, _b.FrozenImporter, _b.PathFinder):
    MetaPathFinder.register(_finder)
PathEntryFinder.register(_b.FileFinder)
for _loader in (_b.BuiltinImporter, _b.FrozenImporter):
    InspectLoader.register(_loader)
for _loader in (_b.SourceFileLoader, _b.SourcelessFileLoader, _b.ExtensionFileLoader):
    ExecutionLoader.register(_loader)
    ResourceLoader.register(_loader)
SourceLoader.register(_b.SourceFileLoader)
del _finder, _loader
