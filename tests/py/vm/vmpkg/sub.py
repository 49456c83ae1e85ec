from . import PKG_NAME
def greet(who):
    return "hello " + who + " from " + PKG_NAME
