class ConfigError(Exception):
    pass
def load():
    try:
        {}["key"]
    except KeyError as e:
        raise ConfigError("missing key") from e
try:
    load()
except ConfigError as e:
    print(e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(e, type(e.__context__).__name__, e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
