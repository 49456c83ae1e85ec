# The 'c' presentation of an integer is still a number: without an explicit
# alignment it is padded on the left, like 'd'. Unknown-code errors name the
# value's own type, so bools and int subclasses are reported as themselves.
for spec in ['4c', '<4c', '^5c', '=4c', '04c', '*>3c']:
    print(repr(spec), repr(format(65, spec)))
print(repr('{:3c}|{:<3c}'.format(0x263A, 66)))


class Small(int):
    pass


for value in [True, Small(7), 7]:
    for code in ['s', 'y']:
        try:
            format(value, code)
        except ValueError as err:
            print(type(value).__name__, code, err)

# Empty text hashes to zero under every hash seed, for str and bytes alike.
print(hash(''), hash(b''), hash(bytearray().decode()), hash(memoryview(b'')))
print(hash('') == hash(b'') == 0)
