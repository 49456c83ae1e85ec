# getpass: getuser() from the environment, and getpass() reading a line from
# a non-terminal stdin after the echo warning.
import getpass
import io
import os
import sys
import warnings

saved = {k: os.environ.get(k) for k in ('LOGNAME', 'USER', 'LNAME', 'USERNAME')}
for k in saved:
    os.environ.pop(k, None)
os.environ['USERNAME'] = 'from_username'
print(getpass.getuser())
os.environ['USER'] = 'from_user'
print(getpass.getuser())
os.environ['LOGNAME'] = 'from_logname'
print(getpass.getuser())
for k, v in saved.items():
    os.environ.pop(k, None)
    if v is not None:
        os.environ[k] = v
print(isinstance(getpass.getuser(), str) and len(getpass.getuser()) > 0)

sys.stdin = io.StringIO('s3cret\nsecond line\n')
stream = io.StringIO()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(repr(getpass.getpass('Key: ', stream=stream)))
    print(repr(getpass.getpass(stream=stream)))
    try:
        getpass.getpass(stream=stream)
    except EOFError as e:
        print('EOFError', repr(str(e)))
print(repr(stream.getvalue()))
print([(w.category.__name__, str(w.message)) for w in caught])
print(issubclass(getpass.GetPassWarning, UserWarning), getpass.__all__)
