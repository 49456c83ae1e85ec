results = []
for v in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
    except TypeError:
        results.append("none")
    else:
        results.append("ok")
    finally:
        results.append("|")
print(results)
