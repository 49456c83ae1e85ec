# An instance used as its own class's __call__ recurses without a Python
# frame; it must end in RecursionError, not a crash.
class Loop:
    pass

Loop.__call__ = Loop()
try:
    Loop()()
except RecursionError:
    print("RecursionError")

class Ok:
    def __call__(self, *a, **k):
        return a, k

print(Ok()(1, 2, k=3))
