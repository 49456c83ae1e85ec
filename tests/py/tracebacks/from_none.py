def get(d):
    try:
        return d["missing"]
    except KeyError:
        raise LookupError("not there") from None
get({})
