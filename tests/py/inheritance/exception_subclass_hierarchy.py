class AppError(Exception):
    code = 1
class DBError(AppError):
    code = 2
class ConnError(DBError):
    code = 3
for cls in (AppError, DBError, ConnError):
    try:
        raise cls("failure")
    except DBError as e:
        print("DBError handler", type(e).__name__, e.code)
    except AppError as e:
        print("AppError handler", type(e).__name__, e.code)
print(issubclass(ConnError, AppError), ConnError.__mro__[1:3])
