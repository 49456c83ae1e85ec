# A class's __dict__ is a live, read-only mappingproxy.
import types


class Widget:
    size = 3

    def grow(self):
        return self.size + 1


ns = Widget.__dict__
print(type(ns).__name__, type(ns) is types.MappingProxyType)
print(ns['size'], 'grow' in ns, 'shrink' in ns, ns.get('missing', 'dflt'))
print(sorted(k for k in ns if not k.startswith('__')))
print(sorted(k for k in ns.keys() if not k.startswith('__')), len(ns) == len(dict(ns)))

# Reads are live: later class changes show through the same proxy.
Widget.colour = 'red'
print(ns['colour'])
del Widget.colour
print('colour' in ns)

# Writes through the proxy are refused, and the class is untouched.
for label, action in [('store', lambda: ns.__class__.__setitem__),
                      ('assign', lambda: ns.__setitem__('size', 9)),
                      ('subscript-assign', lambda: exec('ns["size"] = 9', {'ns': ns})),
                      ('delete', lambda: exec('del ns["size"]', {'ns': ns})),
                      ('clear', lambda: ns.clear())]:
    try:
        action()
        print(label, 'allowed')
    except (TypeError, AttributeError) as err:
        print(label, type(err).__name__, err)
print(Widget.size, Widget().grow())

# copy() and dict() give ordinary, independent dicts; | merges into a dict.
snapshot = ns.copy()
snapshot['size'] = 100
print(type(snapshot).__name__, Widget.size)
merged = ns | {'extra': 1}
print(type(merged).__name__, merged['extra'], merged['size'])

# Built directly around any mapping.
backing = {'b': 2, 'a': 1}
view = types.MappingProxyType(backing)
backing['c'] = 3
print(view, repr(view), list(reversed(view)), view == backing, view != {})
print(view.items(), view.values())
for bad in ([('a', 1)], (1, 2), 5, None):
    try:
        types.MappingProxyType(bad)
    except TypeError as err:
        print('TypeError:', err)
try:
    hash(view)
except TypeError as err:
    print('TypeError:', err)
