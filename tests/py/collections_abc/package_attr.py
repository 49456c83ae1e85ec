# collections.abc reached as an attribute of the collections package.
import collections

print(collections.abc.Mapping, collections.abc.MutableSequence.__module__)
from collections import abc
print(abc is collections.abc, abc.__name__, sorted(abc.__all__)[:5])
try:
    collections.nope
except AttributeError as e:
    print(e)
print(isinstance(collections.OrderedDict(), abc.MutableMapping),
      isinstance(collections.deque(), abc.MutableSequence),
      isinstance(collections.Counter(), abc.Mapping))
