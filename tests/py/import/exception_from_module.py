import _errors
try:
    _errors.fail("caught")
except _errors.HelperError as e:
    print(type(e).__name__, e)
_errors.fail("uncaught from helper")
