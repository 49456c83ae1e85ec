def risky():
    raise IndexError("deep")
def wrapper():
    try:
        risky()
    except IndexError:
        print("logging, then re-raising")
        raise
wrapper()
