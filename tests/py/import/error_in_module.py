print("importing a module that raises")
import _failing
