names = [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, NameError,
         UnboundLocalError, AttributeError, StopIteration, RecursionError,
         NotImplementedError, OverflowError, FileNotFoundError, ImportError,
         ModuleNotFoundError, UnicodeDecodeError, AssertionError, KeyboardInterrupt,
         SystemExit, GeneratorExit, MemoryError, IndentationError, TabError]
for cls in names:
    print(cls.__name__, [c.__name__ for c in cls.__mro__[1:]])
