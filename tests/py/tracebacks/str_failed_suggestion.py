# An exception whose str() fails still gets its "Did you mean" suggestion
# and its notes printed. (The script's directory is cut from the file
# names: the output must not depend on where the repository is.)
import io
import os
import sys
class N:
    __str__ = None
    __repr__ = None
class A:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError(N())
class B:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError("Error", 23)
class C:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError(23)
sys.stderr = io.StringIO()
for cls in [A, B, C]:
    try:
        cls().bluch
    except AttributeError as exc:
        if cls is A:
            exc.add_note("a note")
        sys.__excepthook__(*sys.exc_info())
print(sys.stderr.getvalue().replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, ''),
      end='')
