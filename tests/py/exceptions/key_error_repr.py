for key in ["text", 5, (1, 2), None, ""]:
    try:
        {}[key]
    except KeyError as e:
        print(str(e), repr(e), e.args)
