# A sys.excepthook that raises: its own error and then the original
# exception are reported on sys.stderr; the exit status stays 1.
import sys

class Lines:
    # Keeps the report free of file paths: only the lines that are not
    # "  File ..." entries reach stdout.
    def write(self, text):
        for line in text.splitlines(True):
            if not line.startswith("  File"):
                sys.stdout.write(line)
    def flush(self):
        pass

def hook(kind, value, tb):
    print("hook called with", kind.__name__)
    raise RuntimeError("hook is broken")

sys.excepthook = hook
sys.stderr = Lines()
print("start")
raise KeyError("original")
