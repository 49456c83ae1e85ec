out = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    except Exception:
        out.append("never")
    else:
        out.append("else%d" % i)
    finally:
        out.append("f%d" % i)
print(out)
