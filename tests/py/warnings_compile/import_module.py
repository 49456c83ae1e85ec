# Compile-time warnings of an imported module: a SyntaxWarning is shown,
# its invalid-escape DeprecationWarning is not (only __main__'s are).
import _escapes_mod
print("imported", _escapes_mod.pattern)
