"""The objects behind importlib: specs, the three standard finders, the
source loader, and the find/load/reload steps built from them.

Design notes
------------
gilpy's `import` statement is C (src/vm/import.c). It looks in sys.modules,
then the built-in C modules, then the directories of sys.path (or the
parent package's __path__), then the lib/ modules frozen into the binary.
It does not use the finder objects on sys.meta_path for that search, nor
sys.path_hooks. Two hooks connect it to this file once importlib has been
imported: it asks _load_from_user_finders() first, so finders a program
adds to sys.meta_path are honoured, and it hands every module it creates to
_describe_runtime_module() for its __spec__ and __loader__ (modules
imported before importlib keep `__spec__ = None`).

Otherwise this file mirrors the runtime's search rather than driving it:

  * find_spec() walks the user's own finders in sys.meta_path first, then
    the runtime's order (BuiltinImporter, PathFinder, FrozenImporter), so a
    spec describes what `import` would load;
  * import_module() hands names to __import__;
  * reload() re-runs a module's body in its existing namespace from a fresh
    spec, which for a frozen module means its embedded source text, fetched
    through the small `_imp` C module (src/mod/imp.c).

The classes carry CPython's __module__ values (_frozen_importlib and
_frozen_importlib_external) so that their reprs read the same.
"""

import sys
import _imp

_ModuleType = type(sys)

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
DEBUG_BYTECODE_SUFFIXES = ['.pyc']
OPTIMIZED_BYTECODE_SUFFIXES = ['.pyc']
EXTENSION_SUFFIXES = []
MAGIC_NUMBER = b'\xa7\r\r\n'
_CACHE_TAG = 'cpython-311'
_PYCACHE = '__pycache__'


def all_suffixes():
    """Every file suffix the import system recognises, sources first."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


# ---------------------------------------------------------------------------
# Paths

def _join(*parts):
    kept = [p.rstrip('/') if i < len(parts) - 1 else p
            for i, p in enumerate(parts) if p]
    return '/'.join(kept)


def _is_file(path):
    import os
    return os.path.isfile(path)


def _is_dir(path):
    import os
    return os.path.isdir(path)


def cache_from_source(path, debug_override=None, *, optimization=None):
    """Where CPython would cache the bytecode of the source file [path]."""
    import os
    path = os.fspath(path)
    head, tail = os.path.split(path)
    stem, dot, _ = tail.rpartition('.')
    if not dot:
        stem = tail
    parts = [stem, _CACHE_TAG]
    if optimization is not None and optimization != '':
        optimization = str(optimization)
        if not optimization.isalnum():
            raise ValueError(f'{optimization!r} is not alphanumeric')
        parts.append('opt-' + optimization)
    return os.path.join(head, _PYCACHE, '.'.join(parts) + BYTECODE_SUFFIXES[0])


def source_from_cache(path):
    """The source file whose bytecode cache is [path]."""
    import os
    path = os.fspath(path)
    cache_dir, leaf = os.path.split(path)
    base_dir, pycache = os.path.split(cache_dir)
    if pycache != _PYCACHE:
        raise ValueError(f'{_PYCACHE} not bottom-level directory in {path!r}')
    dots = leaf.count('.')
    if dots not in (2, 3):
        raise ValueError(f'expected only 2 or 3 dots in {leaf!r}')
    if dots == 3:
        level = leaf.rsplit('.', 2)[-2]
        if not level.startswith('opt-'):
            raise ValueError("optimization portion of filename does not start "
                             f"with 'opt-'")
        if not level[4:].isalnum():
            raise ValueError(f'optimization level {level[4:]!r} is not an alphanumeric value')
    stem = leaf.partition('.')[0]
    return os.path.join(base_dir, stem + SOURCE_SUFFIXES[0])


def decode_source(source_bytes):
    """Source text from the bytes of a file: UTF-8 unless a coding line says
    otherwise, universal newlines."""
    data = bytes(source_bytes)
    encoding = 'utf-8'
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    else:
        for line in data.split(b'\n', 2)[:2]:
            stripped = line.strip()
            if not stripped.startswith(b'#'):
                if stripped:
                    break
                continue
            at = stripped.find(b'coding')
            if at >= 0 and stripped[at + 6:at + 7] in (b':', b'='):
                word = stripped[at + 7:].strip().split()[0] if stripped[at + 7:].strip() else b''
                word = bytes(c for c in word if chr(c).isalnum() or c in b'-_.')
                if word:
                    encoding = word.decode('ascii')
                break
    text = data.decode(encoding)
    return text.replace('\r\n', '\n').replace('\r', '\n')


# ---------------------------------------------------------------------------
# Module specs

class ModuleSpec:
    """What the import system knows about a module before loading it."""

    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        fields = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            fields.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            fields.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'{type(self).__name__}({", ".join(fields)})'

    def __eq__(self, other):
        if not isinstance(other, ModuleSpec):
            return NotImplemented
        mine = (self.name, self.loader, self.origin, self.cached,
                self.submodule_search_locations, self.has_location)
        theirs = (other.name, other.loader, other.origin, other.cached,
                  other.submodule_search_locations, other.has_location)
        return mine == theirs

    __hash__ = None

    @property
    def cached(self):
        # Only a spec whose origin is a real source file has a cache path,
        # and it is worked out the first time someone asks.
        if self._cached is None and self.origin is not None and self._set_fileattr:
            if self.origin.endswith(tuple(SOURCE_SUFFIXES)):
                try:
                    self._cached = cache_from_source(self.origin)
                except NotImplementedError:
                    pass
        return self._cached

    @cached.setter
    def cached(self, value):
        self._cached = value

    @property
    def parent(self):
        """The package this module belongs to ('' for a top-level module)."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


ModuleSpec.__module__ = '_frozen_importlib'


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for [name] built from what [loader] can tell about it."""
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)
    if not origin and hasattr(loader, 'get_filename'):
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(name, loader=loader,
                                       submodule_search_locations=search)
    if is_package is None:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


_NO_SEARCH = object()


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_NO_SEARCH):
    """A spec for a module whose code is the file [location]."""
    import os
    if location is None:
        location = '<unknown>'
        if hasattr(loader, 'get_filename'):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        location = os.fspath(location)
        if location and not os.path.isabs(location):
            location = os.path.join(os.getcwd(), location)
    if loader is None:
        if not location.endswith(tuple(SOURCE_SUFFIXES)):
            # Only source files have a loader here; anything else has no
            # loader that could run it.
            return None
        loader = SourceFileLoader(name, location)
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if submodule_search_locations is _NO_SEARCH:
        if hasattr(loader, 'is_package'):
            try:
                if loader.is_package(name):
                    spec.submodule_search_locations = []
            except ImportError:
                pass
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            spec.submodule_search_locations.append(os.path.split(location)[0])
    return spec


# ---------------------------------------------------------------------------
# Module objects from specs

def _init_module_attrs(spec, module, override=False):
    def want(attr):
        return override or getattr(module, attr, None) is None

    if want('__name__'):
        module.__name__ = spec.name
    if want('__loader__'):
        module.__loader__ = spec.loader
    if want('__package__'):
        module.__package__ = spec.parent
    module.__spec__ = spec
    if spec.submodule_search_locations is not None and want('__path__'):
        module.__path__ = spec.submodule_search_locations
    if spec.has_location:
        if want('__file__'):
            module.__file__ = spec.origin
        if want('__cached__') and spec.cached is not None:
            module.__cached__ = spec.cached
    return module


def module_from_spec(spec):
    """A new module object for [spec], with its import attributes set but its
    body not yet run."""
    module = None
    loader = spec.loader
    if hasattr(loader, 'create_module'):
        module = loader.create_module(spec)
    elif hasattr(loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() must also define create_module()')
    if module is None:
        module = _ModuleType(spec.name)
    return _init_module_attrs(spec, module)


def _run_spec(spec, module):
    """Runs the body of [module] (already in sys.modules) from [spec]."""
    loader = spec.loader
    if loader is None:
        if spec.submodule_search_locations is None:
            raise ImportError('missing loader', name=spec.name)
        return module
    if not hasattr(loader, 'exec_module'):
        return loader.load_module(spec.name)
    loader.exec_module(module)
    return module


def _load(spec):
    """Creates, registers and runs the module [spec] describes; the final
    sys.modules entry is returned, as a body may replace its own entry."""
    module = module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        _run_spec(spec, module)
    except BaseException:
        sys.modules.pop(spec.name, None)
        raise
    module = sys.modules[spec.name]
    parent, _, child = spec.name.rpartition('.')
    if parent and parent in sys.modules:
        try:
            setattr(sys.modules[parent], child, module)
        except AttributeError:
            pass
    return module


# ---------------------------------------------------------------------------
# The standard finders and loaders

class BuiltinImporter:
    """Finds and loads the C modules compiled into the interpreter."""

    _ORIGIN = 'built-in'

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None or not _imp.is_builtin(fullname):
            return None
        return ModuleSpec(fullname, cls, origin=cls._ORIGIN)

    @staticmethod
    def create_module(spec):
        return _imp.create_builtin(spec)

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None

    @classmethod
    def is_package(cls, fullname):
        return False

    @classmethod
    def load_module(cls, fullname):
        spec = cls.find_spec(fullname)
        if spec is None:
            raise ImportError(f'{fullname!r} is not a built-in module', name=fullname)
        return sys.modules.get(fullname) or _load(spec)


BuiltinImporter.__module__ = '_frozen_importlib'


class FrozenImporter:
    """Finds and loads the lib/ modules embedded in the binary."""

    _ORIGIN = 'frozen'

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if not _imp.is_frozen(fullname):
            return None
        return ModuleSpec(fullname, cls, origin=cls._ORIGIN,
                          is_package=_imp.is_frozen_package(fullname))

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        name = module.__spec__.name if module.__spec__ is not None else module.__name__
        code = FrozenImporter.get_code(name)
        exec(code, module.__dict__)

    @classmethod
    def get_code(cls, fullname):
        return compile(_imp.get_frozen_source(fullname), f'<frozen {fullname}>', 'exec',
                       dont_inherit=True)

    @classmethod
    def get_source(cls, fullname):
        return _imp.get_frozen_source(fullname)

    @classmethod
    def is_package(cls, fullname):
        return _imp.is_frozen_package(fullname)

    @classmethod
    def load_module(cls, fullname):
        spec = cls.find_spec(fullname)
        if spec is None:
            raise ImportError(f'{fullname!r} is not a frozen module', name=fullname)
        return _load(spec)


FrozenImporter.__module__ = '_frozen_importlib'


class FileLoader:
    """Shared base of the loaders that read one file: [name] and [path]."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def _check_name(self, name):
        if name is not None and name != self.name:
            raise ImportError(f'loader for {self.name} cannot handle {name}', name=name)

    def get_filename(self, name=None):
        self._check_name(name)
        return self.path

    def get_data(self, path):
        with open(path, 'rb') as f:
            return f.read()

    def get_resource_reader(self, module):
        return None

    def load_module(self, fullname=None):
        self._check_name(fullname)
        return _load(spec_from_loader(self.name, self))


FileLoader.__module__ = '_frozen_importlib_external'


class SourceFileLoader(FileLoader):
    """Runs a module from its `.py` source file."""

    def is_package(self, fullname):
        import os
        stem = os.path.split(self.get_filename(fullname))[1].rpartition('.')[0]
        return stem == '__init__' and fullname.rpartition('.')[2] != '__init__'

    def create_module(self, spec):
        return None

    def get_source(self, fullname):
        try:
            data = self.get_data(self.get_filename(fullname))
        except OSError as exc:
            raise ImportError('source not available through get_data()', name=fullname) from exc
        return decode_source(data)

    def source_to_code(self, data, path='<string>'):
        return compile(data, path, 'exec', dont_inherit=True)

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        return self.source_to_code(decode_source(self.get_data(path)), path)

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        exec(code, module.__dict__)

    def path_stats(self, path):
        import os
        st = os.stat(path)
        return {'mtime': st.st_mtime, 'size': st.st_size}

    def set_data(self, path, data, *, _mode=0o666):
        with open(path, 'wb') as f:
            f.write(data)


SourceFileLoader.__module__ = '_frozen_importlib_external'


class SourcelessFileLoader(FileLoader):
    """Loader for `.pyc` files; gilpy has no bytecode files to run."""

    def is_package(self, fullname):
        return SourceFileLoader.is_package(self, fullname)

    def create_module(self, spec):
        return None

    def get_source(self, fullname):
        return None

    def get_code(self, fullname):
        raise ImportError(f'gilpy cannot run bytecode files ({self.path})', name=fullname)

    def exec_module(self, module):
        self.get_code(module.__name__)


SourcelessFileLoader.__module__ = '_frozen_importlib_external'


class ExtensionFileLoader(FileLoader):
    """Loader for C extension files; gilpy cannot load shared objects."""

    def is_package(self, fullname):
        return False

    def create_module(self, spec):
        raise ImportError(f'gilpy cannot load extension modules ({self.path})',
                          name=spec.name)

    def exec_module(self, module):
        pass

    def get_code(self, fullname):
        return None

    def get_source(self, fullname):
        return None


ExtensionFileLoader.__module__ = '_frozen_importlib_external'


class FileFinder:
    """Finds modules in one directory of the file system."""

    def __init__(self, path, *loader_details):
        import os
        self.path = path or os.getcwd()
        self._loaders = []
        for loader, suffixes in loader_details:
            self._loaders.extend((suffix, loader) for suffix in suffixes)
        if not self._loaders:
            self._loaders = [(s, SourceFileLoader) for s in SOURCE_SUFFIXES]

    def __repr__(self):
        return f'FileFinder({self.path!r})'

    def invalidate_caches(self):
        pass

    def find_spec(self, fullname, target=None):
        tail = fullname.rpartition('.')[2]
        package_dir = _join(self.path, tail)
        if _is_dir(package_dir):
            for suffix, loader_class in self._loaders:
                init = _join(package_dir, '__init__' + suffix)
                if _is_file(init):
                    loader = loader_class(fullname, init)
                    return spec_from_file_location(
                        fullname, init, loader=loader,
                        submodule_search_locations=[package_dir])
        for suffix, loader_class in self._loaders:
            candidate = _join(self.path, tail + suffix)
            if _is_file(candidate):
                loader = loader_class(fullname, candidate)
                return spec_from_file_location(fullname, candidate, loader=loader,
                                               submodule_search_locations=None)
        return None

    @classmethod
    def path_hook(cls, *loader_details):
        def hook(path):
            if not _is_dir(path or '.'):
                raise ImportError('only directories are supported', path=path)
            return cls(path, *loader_details)
        return hook


FileFinder.__module__ = '_frozen_importlib_external'


# The hook sys.path_hooks starts with: a FileFinder for any directory.
_default_path_hook = FileFinder.path_hook((SourceFileLoader, SOURCE_SUFFIXES))


class PathFinder:
    """Finds modules in the directories of sys.path or a package's __path__."""

    @classmethod
    def _finder_for(cls, entry):
        if entry == '':
            # The empty entry means the current directory, whichever it is
            # now, so it is looked up under that directory's name.
            import os
            entry = os.getcwd()
        cache = sys.path_importer_cache
        if entry in cache:
            return cache[entry]
        finder = None
        for hook in sys.path_hooks:
            try:
                finder = hook(entry)
                break
            except ImportError:
                continue
        cache[entry] = finder
        return finder

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        entries = sys.path if path is None else path
        for entry in entries:
            if not isinstance(entry, (str, bytes)):
                continue
            if isinstance(entry, bytes):
                entry = entry.decode()
            finder = cls._finder_for(entry)
            if finder is None or not hasattr(finder, 'find_spec'):
                continue
            spec = finder.find_spec(fullname, target)
            if spec is not None and spec.loader is not None:
                return spec
        return None

    @classmethod
    def invalidate_caches(cls):
        for name, finder in list(sys.path_importer_cache.items()):
            if finder is None:
                del sys.path_importer_cache[name]
            elif hasattr(finder, 'invalidate_caches'):
                finder.invalidate_caches()


PathFinder.__module__ = '_frozen_importlib_external'

_STANDARD_FINDERS = (BuiltinImporter, FrozenImporter, PathFinder)


def _describe_runtime_module(module, origin):
    """Called by the C import statement (vm/import.c) for every module it
    creates once importlib is loaded: gives [module] the spec and loader
    CPython's import would. [origin] is 'built-in', 'frozen' or the path of
    the source file; attributes the runtime already set are kept."""
    name = module.__name__
    search = module.__dict__.get('__path__')
    if origin == 'built-in':
        spec = ModuleSpec(name, BuiltinImporter, origin=origin)
    elif origin == 'frozen':
        spec = ModuleSpec(name, FrozenImporter, origin=origin)
        spec.submodule_search_locations = search
    else:
        import os
        location = os.path.abspath(origin)
        spec = spec_from_file_location(name, location,
                                       loader=SourceFileLoader(name, location),
                                       submodule_search_locations=search)
    _init_module_attrs(spec, module)


def _install_sys_lists():
    """Gives sys the import-hook lists CPython has, if it lacks them. The
    runtime's import statement does not read them (see the design notes)."""
    if not isinstance(getattr(sys, 'meta_path', None), list):
        sys.meta_path = list(_STANDARD_FINDERS)
    if not isinstance(getattr(sys, 'path_hooks', None), list):
        sys.path_hooks = [_default_path_hook]
    if not isinstance(getattr(sys, 'path_importer_cache', None), dict):
        sys.path_importer_cache = {}


def _user_finders():
    return [f for f in getattr(sys, 'meta_path', ()) if f not in _STANDARD_FINDERS]


# ---------------------------------------------------------------------------
# Finding, importing, reloading

def _find_spec(name, path, target=None):
    """The spec of the first finder that knows [name]: the user's finders on
    sys.meta_path, then the order the runtime's import statement uses."""
    for finder in _user_finders():
        find = getattr(finder, 'find_spec', None)
        if find is None:
            continue
        spec = find(name, path, target)
        if spec is not None:
            return spec
    for finder in (BuiltinImporter, PathFinder, FrozenImporter):
        spec = finder.find_spec(name, path, target)
        if spec is not None:
            return spec
    return None


def _resolve_name(name, package, level):
    base = package.rsplit('.', level - 1)
    if len(base) < level:
        raise ImportError('attempted relative import beyond top-level package')
    return f'{base[0]}.{name}' if name else base[0]


def _check_import_args(name, package, level):
    if not isinstance(name, str):
        raise TypeError(f'module name must be str, not {type(name)}')
    if level < 0:
        raise ValueError('level must be >= 0')
    if level > 0:
        if not isinstance(package, str):
            raise TypeError('__package__ not set to a string')
        if not package:
            raise ImportError('attempted relative import with no known parent package')
    if not name and level == 0:
        raise ValueError('Empty module name')


def _import_absolute(name):
    if name in sys.modules:
        module = sys.modules[name]
        if module is None:
            raise ModuleNotFoundError(f'import of {name} halted; None in sys.modules',
                                      name=name)
        return module
    # The C import statement asks the user's finders itself (through
    # _load_from_user_finders below) before its own search.
    __import__(name)
    return sys.modules[name]


def _load_from_user_finders(name, path):
    """Called by the C import statement (vm/import.c) for a name not yet
    in sys.modules: the module loaded through the first spec a finder the
    program added to sys.meta_path returns, or None to let the runtime's
    own search go on. [path] is the parent package's __path__ or None."""
    for finder in _user_finders():
        find = getattr(finder, 'find_spec', None)
        if find is None:
            continue
        spec = find(name, path, None)
        if spec is not None:
            return _load(spec)
    return None


def _import_by_name(name, package=None, level=0):
    _check_import_args(name, package, level)
    if level > 0:
        name = _resolve_name(name, package, level)
    return _import_absolute(name)


def _spec_of_loaded(name, module, asked=None):
    """The spec of the module [name], already in sys.modules ([asked] is the
    name as the caller wrote it). The runtime leaves __spec__ None on the
    modules it imports, so one is found afresh."""
    spec = getattr(module, '__spec__', None)
    if spec is not None:
        return spec
    if name == '__main__':
        raise ValueError(f'{asked or name}.__spec__ is None')
    parent_name = name.rpartition('.')[0]
    path = getattr(sys.modules.get(parent_name), '__path__', None) if parent_name else None
    return _find_spec(name, path)


_reloading = {}


def _reload(module):
    spec = getattr(module, '__spec__', None)
    name = getattr(spec, 'name', None) if spec is not None else None
    if name is None:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError('reload() argument must be a module') from None
    if sys.modules.get(name) is not module:
        raise ImportError(f'module {name} not in sys.modules', name=name)
    # A module that reloads itself while being reloaded gets the module
    # back instead of recursing.
    if name in _reloading:
        return _reloading[name]
    _reloading[name] = module
    try:
        parent_name = name.rpartition('.')[0]
        path = None
        if parent_name:
            if parent_name not in sys.modules:
                raise ImportError(f'parent {parent_name!r} not in sys.modules', name=parent_name)
            path = sys.modules[parent_name].__path__
        spec = _find_spec(name, path, module)
        if spec is None:
            raise ModuleNotFoundError(f'spec not found for the module {name!r}', name=name)
        _init_module_attrs(spec, module, override=True)
        _run_spec(spec, module)
        return sys.modules[name]
    finally:
        del _reloading[name]


_install_sys_lists()
