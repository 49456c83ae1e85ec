# A None entry in sys.modules blocks the import with ModuleNotFoundError,
# for plain, dotted-parent and from-imports; json.scanner is loaded with json.
import sys

sys.modules['blocked_mod_for_test'] = None
for stmt in ('import blocked_mod_for_test', 'from blocked_mod_for_test import x',
             'import blocked_mod_for_test as b'):
    try:
        exec(stmt)
        print(stmt, 'imported')
    except ModuleNotFoundError as e:
        print(type(e).__name__, e)
del sys.modules['blocked_mod_for_test']
try:
    import blocked_mod_for_test
except ModuleNotFoundError as e:
    print('after removal:', type(e).__name__)

saved = sys.modules.pop('json', None)
sys.modules['json'] = None
try:
    import json
except ImportError as e:
    print(type(e).__name__, e)
finally:
    del sys.modules['json']
    if saved is not None:
        sys.modules['json'] = saved

import json
print(hasattr(json, 'scanner'), hasattr(json, 'decoder'), callable(json.scanner.make_scanner))
