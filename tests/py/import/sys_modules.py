import sys
print("_shapes" in sys.modules)
import _shapes
print("_shapes" in sys.modules, sys.modules["_shapes"] is _shapes)
