try:
    open_file = {}["config"]
except KeyError:
    print("handling")
    undefined_function()
