print("importing a broken helper")
import _broken_syntax
