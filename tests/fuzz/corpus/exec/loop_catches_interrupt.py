while True:
    try:
        pass
    except BaseException:
        pass
