class HelperError(Exception):
    pass
def fail(msg):
    raise HelperError(msg)
