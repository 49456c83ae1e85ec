def f():
    try:
        raise ValueError("first")
    finally:
        print("cleaning up")
f()
