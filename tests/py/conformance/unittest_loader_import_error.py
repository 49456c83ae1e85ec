# unittest's loader reports why a dotted test name could not be imported
# (the ImportError), not a later "module has no attribute".
import unittest

loader = unittest.TestLoader()
suite = loader.loadTestsFromName('json.zz_no_such_test_module')
result = unittest.TestResult()
suite.run(result)
print(result.testsRun, len(result.errors))
last = result.errors[0][1].strip().splitlines()[-1]
print(last)
print(len(loader.errors))
