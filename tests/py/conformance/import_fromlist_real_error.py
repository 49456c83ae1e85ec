# `from pkg import sub` ignores only the submodule's own absence; when the
# submodule exists but itself imports something missing, that error is what
# surfaces (ModuleNotFoundError naming the missing module).
import os
import sys
import tempfile

root = tempfile.mkdtemp()
pkg = os.path.join(root, "fromlist_pkg")
os.mkdir(pkg)
with open(os.path.join(pkg, "__init__.py"), "w") as f:
    f.write("present = 1\n")
with open(os.path.join(pkg, "broken.py"), "w") as f:
    f.write("import module_that_does_not_exist_anywhere\n")
with open(os.path.join(pkg, "fine.py"), "w") as f:
    f.write("value = 42\n")
sys.path.insert(0, root)

from fromlist_pkg import fine, present
print(fine.value, present)

try:
    from fromlist_pkg import broken
except ImportError as e:
    print(type(e).__name__, e.name, "|", str(e))

try:
    from fromlist_pkg import absent
except ImportError as e:
    print(type(e).__name__, e.name, "|", str(e).split(" (")[0])

import shutil
shutil.rmtree(root)
