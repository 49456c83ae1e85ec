import sys
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(sys.version_info[0], sys.version_info[1], sys.version_info >= (3, 0))
print(sys.version_info.major, sys.version_info.minor)
print(type(sys.version).__name__, sys.version.startswith("3.11"))
print(sys.platform, sys.byteorder)
print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
print(sys.modules["__main__"].__name__)
print(sys.getrecursionlimit())
