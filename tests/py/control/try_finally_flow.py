def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("cleanup", i)
    return "done"
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
def k():
    while True:
        try:
            break
        finally:
            print("finally on break")
    return "after"
print(k())
