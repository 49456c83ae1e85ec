PKG_NAME = __name__
