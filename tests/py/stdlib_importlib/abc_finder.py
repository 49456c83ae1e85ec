# A custom finder and loader put on sys.meta_path serve import_module(), and
# the importlib.abc classes give the documented defaults.
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys


class StringLoader(importlib.abc.Loader):
    def __init__(self, sources):
        self.sources = sources

    def exec_module(self, module):
        exec(self.sources[module.__spec__.name], module.__dict__)


class StringFinder(importlib.abc.MetaPathFinder):
    def __init__(self, sources):
        self.loader = StringLoader(sources)

    def find_spec(self, fullname, path, target=None):
        if fullname in self.loader.sources:
            return importlib.util.spec_from_loader(fullname, self.loader)
        return None


finder = StringFinder({'virtual_mod': 'ANSWER = 6 * 7\nprint("virtual body", __name__)\n'})
sys.meta_path.insert(0, finder)
try:
    m = importlib.import_module('virtual_mod')
    print(m.ANSWER, m.__spec__.loader is finder.loader, m.__spec__.origin)
    print(importlib.import_module('virtual_mod') is m)
    print(importlib.util.find_spec('virtual_mod') is m.__spec__)
finally:
    sys.meta_path.remove(finder)
    sys.modules.pop('virtual_mod', None)

print(importlib.abc.Loader().create_module(None))
print(isinstance(importlib.machinery.PathFinder, type))
print(issubclass(importlib.machinery.SourceFileLoader, importlib.abc.Loader))
print(issubclass(importlib.machinery.SourceFileLoader, importlib.abc.SourceLoader))
print(isinstance(importlib.machinery.BuiltinImporter, type))
print(issubclass(importlib.machinery.FileFinder, importlib.abc.PathEntryFinder))
print(importlib.abc.InspectLoader.source_to_code('x = 1').co_filename)


class Inspect(importlib.abc.InspectLoader):
    def get_source(self, fullname):
        return 'Y = "from source"'


mod = importlib.util.module_from_spec(importlib.util.spec_from_loader('insp', Inspect()))
mod.__loader__.exec_module(mod)
print(mod.Y)

# The import statement asks such finders too, for top-level names and for
# submodules of a package they provide.
class PackageFinder(importlib.abc.MetaPathFinder):
    sources = {'vpkg': 'print("vpkg runs")\n', 'vpkg.child': 'WHO = __name__\n'}

    def find_spec(self, fullname, path, target=None):
        if fullname not in self.sources:
            return None
        is_pkg = fullname == 'vpkg'
        print('asked for', fullname, 'path given:', path is not None)
        return importlib.util.spec_from_loader(fullname, StringLoader(self.sources),
                                               is_package=is_pkg)


pf = PackageFinder()
sys.meta_path.insert(0, pf)
try:
    import vpkg.child
    print(vpkg.child.WHO, vpkg.__path__, vpkg.__spec__.submodule_search_locations)
    from vpkg import child
    print(child is vpkg.child)
    try:
        import vpkg.missing
    except ModuleNotFoundError as exc:
        print('ModuleNotFoundError:', exc)
finally:
    sys.meta_path.remove(pf)
    for name in ('vpkg', 'vpkg.child'):
        sys.modules.pop(name, None)
