def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise RuntimeError("lookup failed for " + k)
lookup({}, "x")
