print("never printed")
def ok():
    pass
return 5
