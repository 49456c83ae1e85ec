"""runpy: running a module or a script file as if it were the main program.

Design notes
------------
Both entry points compile the code first, then run it in a namespace
pre-filled with the usual module attributes (__name__, __file__,
__package__, __spec__, __loader__, __cached__, __doc__):

  * run_module(name) finds the module's spec through importlib (a package
    runs its __main__ submodule) and, unless alter_sys is true, executes
    in a fresh dict that the caller gets back;
  * run_path(path) executes a script file, or the __main__.py of a
    directory placed at the front of sys.path for the duration.

While the code runs with alter_sys (and always for run_path) a temporary
module stands in sys.modules under the run name and sys.argv[0] names the
file; both are put back afterwards, and the caller receives a copy of the
namespace, because the temporary module's dict is emptied with it.
Errors are ImportError with CPython's wording. gilpy has no zipimport, so
run_path() cannot run a zip archive.
"""

import os
import sys

import importlib.machinery
import importlib.util

__all__ = ['run_module', 'run_path']


class _Swap:
    """Puts a temporary module in sys.modules[name] and sys.argv[0], and
    restores whatever was there on the way out."""

    def __init__(self, name, argv0):
        self.name = name
        self.argv0 = argv0
        self.module = type(sys)(name)

    def __enter__(self):
        self._had_module = self.name in sys.modules
        self._old_module = sys.modules.get(self.name)
        sys.modules[self.name] = self.module
        self._old_argv0 = sys.argv[0] if sys.argv else None
        if self.argv0 is not None and sys.argv:
            sys.argv[0] = self.argv0
        return self

    def __exit__(self, *exc_info):
        if self.argv0 is not None and sys.argv:
            sys.argv[0] = self._old_argv0
        if self._had_module:
            sys.modules[self.name] = self._old_module
        else:
            sys.modules.pop(self.name, None)


def _execute(code, namespace, init_globals, run_name, spec=None, package=None,
             script=None):
    """Fills [namespace] with the module attributes and runs [code] in it."""
    if init_globals:
        namespace.update(init_globals)
    if spec is not None:
        filename, loader, cached = spec.origin, spec.loader, spec.cached
        if package is None:
            package = spec.parent
    else:
        filename, loader, cached = script, None, None
    namespace['__name__'] = run_name
    namespace['__file__'] = filename
    namespace['__cached__'] = cached
    namespace['__doc__'] = None
    namespace['__loader__'] = loader
    namespace['__package__'] = package
    namespace['__spec__'] = spec
    exec(code, namespace)
    return namespace


def _execute_swapped(code, init_globals, run_name, spec=None, package=None, script=None):
    argv0 = spec.origin if spec is not None else script
    with _Swap(run_name, argv0) as swap:
        namespace = swap.module.__dict__
        _execute(code, namespace, init_globals, run_name, spec, package, script)
        return dict(namespace)


def _module_code(name, error=ImportError):
    """(name, spec, code) of the module [name]; packages resolve to their
    __main__ submodule."""
    if name.startswith('.'):
        raise error('Relative module names not supported')
    package, _, _ = name.rpartition('.')
    if package:
        try:
            __import__(package)
        except ImportError as exc:
            # Only a failure to find the package itself (or one of its
            # parents) is reported as "No module named"; anything the
            # package raised while running is the user's to see.
            if exc.name is None or (exc.name != package and
                                    not package.startswith(exc.name + '.')):
                raise
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, AttributeError, TypeError, ValueError) as exc:
        text = f'Error while finding module specification for {name!r} ' \
               f'({type(exc).__name__}: {exc})'
        if name.endswith('.py'):
            text += f". Try using '{name[:-3]}' instead of '{name}' as the module name."
        raise error(text) from exc
    if spec is None:
        raise error('No module named %s' % name)
    if spec.submodule_search_locations is not None:
        if name == '__main__' or name.endswith('.__main__'):
            raise error('Cannot use package as __main__ module')
        try:
            return _module_code(name + '.__main__', error)
        except error as exc:
            if name not in sys.modules:
                raise
            raise error(f'{exc}; {name!r} is a package and cannot be directly '
                        'executed') from None
    loader = spec.loader
    if loader is None:
        raise error('%r is a namespace package and cannot be executed' % name)
    try:
        code = loader.get_code(name)
    except ImportError as exc:
        raise error(str(exc)) from exc
    if code is None:
        raise error('No code object available for %s' % name)
    return name, spec, code


class _NotRunnable(Exception):
    """Why `gilpy -m NAME` cannot run NAME (reported, not raised)."""


def _run_module_as_main(mod_name):
    """`gilpy -m NAME` when NAME is no file below the current directory: a
    module of the frozen library or one found on sys.path. It runs in the
    namespace of __main__, as a script would, with sys.argv[0] naming its
    file; a module that cannot be run is reported the way CPython does."""
    try:
        mod_name, spec, code = _module_code(mod_name, _NotRunnable)
    except _NotRunnable as exc:
        sys.stderr.write('%s: %s\n' % (sys.executable, exc))
        sys.exit(1)
    if sys.argv:
        sys.argv[0] = spec.origin
    _execute(code, sys.modules['__main__'].__dict__, None, '__main__', spec)


def run_module(mod_name, init_globals=None, run_name=None, alter_sys=False):
    """Runs the module [mod_name] as a script and returns its globals.

    The code sees __name__ == [run_name] (the module's own name by default)
    and the [init_globals] the caller provides. With [alter_sys] the run
    also shows in sys.modules and sys.argv[0] while it lasts."""
    mod_name, spec, code = _module_code(mod_name)
    if run_name is None:
        run_name = mod_name
    if alter_sys:
        return _execute_swapped(code, init_globals, run_name, spec)
    return _execute(code, {}, init_globals, run_name, spec)


def _main_of_directory(directory):
    main = '__main__'
    saved = sys.modules.get(main)
    had = main in sys.modules
    sys.modules.pop(main, None)
    try:
        return _module_code(main)
    except ImportError as exc:
        if main in str(exc):
            raise ImportError(f"can't find {main!r} module in {directory!r}") from exc
        raise
    finally:
        if had:
            sys.modules[main] = saved


def run_path(path_name, init_globals=None, run_name=None):
    """Runs the script file [path_name] (or a directory's __main__.py) and
    returns a copy of its globals. __name__ is [run_name], '<run_path>' by
    default."""
    if run_name is None:
        run_name = '<run_path>'
    package = run_name.rpartition('.')[0]
    path_name = os.fspath(path_name)
    if not os.path.isdir(path_name):
        text_path = os.fsdecode(path_name)
        with open(os.path.abspath(text_path), 'rb') as f:
            source = f.read()
        code = compile(source, text_path, 'exec', dont_inherit=True)
        return _execute_swapped(code, init_globals, run_name, package=package,
                                script=text_path)
    sys.path.insert(0, path_name)
    try:
        importlib.invalidate_caches()
        _, spec, code = _main_of_directory(path_name)
        with _Swap(run_name, path_name) as swap:
            namespace = swap.module.__dict__
            _execute(code, namespace, init_globals, run_name, spec, package)
            return dict(namespace)
    finally:
        try:
            sys.path.remove(path_name)
        except ValueError:
            pass
