import _vmhelper
from _vmhelper import double, VALUE as V
print(_vmhelper.double(4), double(5), V, _vmhelper.__name__)
import vmpkg.sub
from vmpkg import sub as s2
from vmpkg.sub import greet
print(vmpkg.sub.greet("x"), s2 is vmpkg.sub, greet("y"))
print(vmpkg.PKG_NAME)
try:
    import does_not_exist_module
except ModuleNotFoundError as e:
    print(e)
try:
    from _vmhelper import missing_name
except ImportError as e:
    print(str(e).split(" (")[0])
import math as m
print(m.floor(2.5))
