import sys
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon)
print(sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit in (15, 30))
print(sys.getdefaultencoding())
