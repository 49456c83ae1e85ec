def risky(kind):
    if kind == 1:
        return [][0]
    if kind == 2:
        return {}["k"]
    if kind == 3:
        return int("x")
    if kind == 4:
        return None + 1
    return "fine"
for k in range(5):
    try:
        print(risky(k))
    except (IndexError, KeyError) as e:
        print("lookup", type(e).__name__, e)
    except ValueError as e:
        print("value", e)
    except Exception as e:
        print("other", type(e).__name__, e)
