class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what):
        super().__init__("not found: " + what)
        self.what = what
class WithStr(Exception):
    def __str__(self):
        return "custom str"
try:
    raise NotFound("file.txt")
except AppError as e:
    print(type(e).__name__, e, e.what, e.args)
try:
    raise WithStr(1, 2)
except WithStr as e:
    print(e, e.args, repr(e))
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__)
e = AppError("a", 2)
print(str(e), repr(e), e.args)
print(str(AppError()), repr(AppError()), str(AppError("only")))
